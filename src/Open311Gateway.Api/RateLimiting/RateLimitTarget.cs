namespace Open311Gateway.Api.RateLimiting;

/// <summary>Which limit a request counts against, and in which partition (a key id or a client address, never a secret).</summary>
public readonly record struct RateLimitTarget(string Policy, string Partition)
{
    public static readonly RateLimitTarget None = new("", "");

    public bool IsNone => Policy.Length == 0;
}
