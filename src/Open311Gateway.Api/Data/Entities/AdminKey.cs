namespace Open311Gateway.Api.Data.Entities;

/// <summary>
/// An operator's key for the status page (<c>/operator/</c>). Same format and storage as client apps' keys (ADR 4),
/// in a table of its own: neither a client app's nor a back office's key ever opens the status page (ADR 20).
/// </summary>
public class AdminKey
{
    public long Id { get; set; }
    /// <summary>Who holds it, for the operator: a person or a team.</summary>
    public required string Name { get; set; }
    public required string KeyId { get; set; }
    /// <summary>SHA-256 of the key's secret part.</summary>
    public required byte[] SecretHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
