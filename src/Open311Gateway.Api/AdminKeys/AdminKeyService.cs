using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.ApiKeys;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.AdminKeys;

/// <summary>Issues, checks and revokes operators' keys for the status page (ADR 20).</summary>
public sealed class AdminKeyService(GatewayDbContext db, TimeProvider clock)
{
    private const int MaxNameLength = 200;

    /// <summary>Creates an admin key and returns it: the only time the key is ever shown.</summary>
    /// <exception cref="ArgumentException">The name is empty or too long.</exception>
    public async Task<(AdminKey Holder, string Key)> CreateAsync(string name, CancellationToken cancellationToken)
    {
        name = name.Trim();
        if (name.Length is 0 or > MaxNameLength)
            throw new ArgumentException($"An admin key's name must have 1 to {MaxNameLength} characters.", nameof(name));
        var key = ApiKey.CreateRandom();
        var holder = new AdminKey { Name = name, KeyId = key.KeyId, SecretHash = key.SecretHash(), CreatedAt = clock.GetUtcNow() };
        db.AdminKeys.Add(holder);
        await db.SaveChangesAsync(cancellationToken);
        return (holder, key.ToString());
    }

    /// <summary>The admin key a presented key is, or null when it is malformed, unknown or revoked.</summary>
    public async Task<AdminKey?> FindAsync(string? presentedKey, CancellationToken cancellationToken)
    {
        if (!ApiKey.TryParse(presentedKey, out var key)) return null;
        var holder = await db.AdminKeys.AsNoTracking().FirstOrDefaultAsync(k => k.KeyId == key.KeyId, cancellationToken);
        return key.Matches(holder?.SecretHash) && holder is { RevokedAt: null } ? holder : null;
    }

    /// <summary>Whether the key with this id still works: a signed-in session ends when its key is revoked.</summary>
    public Task<bool> IsActiveAsync(string keyId, CancellationToken cancellationToken) =>
        db.AdminKeys.AnyAsync(k => k.KeyId == keyId && k.RevokedAt == null, cancellationToken);

    /// <summary>Revokes by key id or by a whole key; false when no active key matched.</summary>
    public async Task<bool> RevokeAsync(string keyIdOrKey, CancellationToken cancellationToken)
    {
        var keyId = ApiKey.KeyIdOf(keyIdOrKey);
        var holder = await db.AdminKeys.FirstOrDefaultAsync(k => k.KeyId == keyId && k.RevokedAt == null, cancellationToken);
        if (holder is null) return false;
        holder.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public Task<List<AdminKey>> ListAsync(CancellationToken cancellationToken) =>
        db.AdminKeys.AsNoTracking().OrderBy(k => k.Id).ToListAsync(cancellationToken);
}
