using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.ApiKeys;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.BackOffice;

/// <summary>
/// Issues, checks and revokes back offices' keys. Same format and storage as client apps' keys
/// (<see cref="ApiKey"/>, ADR 4), in a table of their own: a client app's key never reports status.
/// </summary>
public sealed class BackOfficeKeyService(GatewayDbContext db, TimeProvider clock)
{
    private const int MaxNameLength = 200;

    /// <summary>Creates a back office for a jurisdiction and returns its key: the only time the key is ever shown.</summary>
    /// <exception cref="ArgumentException">The jurisdiction is unknown or no longer active, or the name is empty or too long.</exception>
    public async Task<(BackOfficeClient Client, string Key)> CreateAsync(string jurisdictionId, string name, CancellationToken cancellationToken)
    {
        name = name.Trim();
        if (name.Length is 0 or > MaxNameLength)
            throw new ArgumentException($"A back office's name must have 1 to {MaxNameLength} characters.", nameof(name));
        // Matched like jurisdiction_id in the public API: ignoring case.
        var all = await db.Jurisdictions.AsNoTracking().OrderBy(j => j.Id).ToListAsync(cancellationToken);
        var jurisdiction = all.FirstOrDefault(j => string.Equals(j.Id, jurisdictionId.Trim(), StringComparison.OrdinalIgnoreCase));
        if (jurisdiction is not { IsActive: true })
        {
            var active = all.Where(j => j.IsActive).Select(j => j.Id).ToList();
            throw new ArgumentException(
                $"{(jurisdiction is null ? "Unknown" : "Inactive")} jurisdiction '{jurisdictionId}'. Active jurisdictions: " +
                (active.Count == 0 ? "none (import a catalogue first)." : string.Join(", ", active) + "."),
                nameof(jurisdictionId));
        }

        var key = ApiKey.CreateRandom();
        var client = new BackOfficeClient
        {
            JurisdictionId = jurisdiction.Id, Name = name, KeyId = key.KeyId, SecretHash = key.SecretHash(), CreatedAt = clock.GetUtcNow(),
        };
        db.BackOfficeClients.Add(client);
        await db.SaveChangesAsync(cancellationToken);
        return (client, key.ToString());
    }

    /// <summary>The back office a key belongs to, or null when it is malformed, unknown or revoked.</summary>
    public async Task<BackOfficeClient?> FindClientAsync(string? presentedKey, CancellationToken cancellationToken)
    {
        if (!ApiKey.TryParse(presentedKey, out var key)) return null;
        var client = await db.BackOfficeClients.AsNoTracking().FirstOrDefaultAsync(c => c.KeyId == key.KeyId, cancellationToken);
        return key.Matches(client?.SecretHash) && client is { RevokedAt: null } ? client : null;
    }

    /// <summary>Revokes by key id (the part after <c>o311_</c>) or by a whole key; false when no active key matched.</summary>
    public async Task<bool> RevokeAsync(string keyIdOrKey, CancellationToken cancellationToken)
    {
        var keyId = ApiKey.KeyIdOf(keyIdOrKey);
        var client = await db.BackOfficeClients.FirstOrDefaultAsync(c => c.KeyId == keyId && c.RevokedAt == null, cancellationToken);
        if (client is null) return false;
        client.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Every back office, revoked ones included, by jurisdiction and then in order of creation.</summary>
    public Task<List<BackOfficeClient>> ListAsync(CancellationToken cancellationToken) =>
        db.BackOfficeClients.AsNoTracking().OrderBy(c => c.JurisdictionId).ThenBy(c => c.Id).ToListAsync(cancellationToken);
}
