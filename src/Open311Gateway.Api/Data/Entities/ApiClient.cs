namespace Open311Gateway.Api.Data.Entities;

/// <summary>A client app allowed to POST. Only a hash of its key is stored.</summary>
public class ApiClient
{
    public long Id { get; set; }
    public required string Name { get; set; }
    /// <summary>The public first part of the key, used to find the row before the constant-time comparison.</summary>
    public required string KeyId { get; set; }
    /// <summary>SHA-256 of the key's secret part.</summary>
    public required byte[] SecretHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
