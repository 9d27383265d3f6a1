using Open311Gateway.Api.ApiKeys;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.IntegrationTests.Infrastructure;

/// <summary>
/// A client app's key written straight into a test database, for beds whose API runs as another process (no service
/// provider of the test to ask): the same row <see cref="ApiKeyService.CreateAsync"/> writes.
/// </summary>
public static class TestApiKeys
{
    public static async Task<string> CreateAsync(GatewayDbContext db, string clientName)
    {
        var key = ApiKey.CreateRandom();
        db.ApiClients.Add(new ApiClient { Name = clientName, KeyId = key.KeyId, SecretHash = key.SecretHash(), CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        return key.ToString();
    }
}
