namespace Open311Gateway.Api.Data.Entities;

/// <summary>A municipality's back office, allowed to report status for its own jurisdiction's requests.</summary>
public class BackOfficeClient
{
    public long Id { get; set; }
    public required string JurisdictionId { get; set; }
    public required string Name { get; set; }
    public required string KeyId { get; set; }
    /// <summary>SHA-256 of the key's secret part.</summary>
    public required byte[] SecretHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
