using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Caching;

/// <summary>Every client app's key id, secret hash and revocation, as of one version of <c>api_clients</c>.</summary>
public sealed class ApiKeySnapshot(long version, IReadOnlyDictionary<string, ApiClient> byKeyId)
{
    public long Version => version;

    /// <summary>The client with this key id, revoked or not; null when there is none.</summary>
    public ApiClient? Find(string keyId) => byKeyId.GetValueOrDefault(keyId);
}
