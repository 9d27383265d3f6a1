namespace Open311Gateway.Api.Data.Entities;

/// <summary>
/// One <c>Idempotency-Key</c> a client app sent with a POST (ADR 18, specs/idempotency.md): claimed with a lease
/// while the POST runs, then holding the answer to replay until <see cref="ExpiresAt"/>. Only 2xx answers are kept.
/// </summary>
public class IdempotencyRecord
{
    public long ApiClientId { get; set; }
    public required string Key { get; set; }
    /// <summary>SHA-256 of the resource and the submitted fields: a repeat with other fields is another request (422).</summary>
    public required byte[] Fingerprint { get; set; }
    /// <summary>Who holds the key while its POST runs; a new token on every claim, so a late finisher cannot overwrite.</summary>
    public Guid LeaseToken { get; set; }
    /// <summary>Until when the POST may run; past it, with no answer stored, its process is taken for dead and the key is free again.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }
    public int? ResponseStatus { get; set; }
    public string? ResponseContentType { get; set; }
    public byte[]? ResponseBody { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
