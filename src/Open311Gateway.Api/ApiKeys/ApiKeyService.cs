using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Caching;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.ApiKeys;

/// <summary>Issues, checks and revokes client apps' API keys.</summary>
public sealed class ApiKeyService(GatewayDbContext db, TimeProvider clock, GatewayCache cache)
{
    /// <summary>Creates a client app and returns its key: the only time the key is ever shown.</summary>
    public async Task<(ApiClient Client, string Key)> CreateAsync(string clientName, CancellationToken cancellationToken)
    {
        var key = ApiKey.CreateRandom();
        var client = new ApiClient { Name = clientName, KeyId = key.KeyId, SecretHash = key.SecretHash(), CreatedAt = clock.GetUtcNow() };
        db.ApiClients.Add(client);
        await db.SaveChangesAsync(cancellationToken);
        return (client, key.ToString());
    }

    /// <summary>
    /// The client app a key belongs to, or null when it is malformed, unknown or revoked. Looked up in the cached keys
    /// (ADR 22): a revocation on any process reaches this one when it commits.
    /// </summary>
    public async Task<ApiClient?> FindClientAsync(string? presentedKey, CancellationToken cancellationToken)
    {
        if (!ApiKey.TryParse(presentedKey, out var key)) return null;
        var client = (await cache.ApiKeysAsync(cancellationToken)).Find(key.KeyId);
        return key.Matches(client?.SecretHash) && client is { RevokedAt: null } ? client : null;
    }

    /// <summary>Revokes by key id (the part after <c>o311_</c>) or by a whole key; false when none matched.</summary>
    public async Task<bool> RevokeAsync(string keyIdOrKey, CancellationToken cancellationToken)
    {
        var keyId = ApiKey.KeyIdOf(keyIdOrKey);
        var client = await db.ApiClients.FirstOrDefaultAsync(c => c.KeyId == keyId && c.RevokedAt == null, cancellationToken);
        if (client is null) return false;
        client.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public Task<List<ApiClient>> ListAsync(CancellationToken cancellationToken) =>
        db.ApiClients.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
}
