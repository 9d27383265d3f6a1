namespace Open311Gateway.Api.Idempotency;

/// <summary>A key this POST claimed: it runs the POST, then stores the answer (<see cref="Completed"/>) or frees the key.</summary>
public sealed class IdempotencyLease(long apiClientId, string key, Guid token)
{
    public long ApiClientId => apiClientId;
    public string Key => key;
    public Guid Token => token;

    /// <summary>Whether the answer is stored (or will be, with the transaction it was stored in).</summary>
    public bool Completed { get; set; }
}
