namespace Open311Gateway.Api.RateLimiting;

/// <summary>One request the rate limiter turned away: which policy, which partition (key id or client address), when.</summary>
/// <param name="Partition">Never a secret: an API key's id, never the key itself; a client address.</param>
public sealed record RateLimitRejection(DateTimeOffset At, string Policy, string Partition, string Path);
