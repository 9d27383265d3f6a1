namespace Open311Gateway.Api.Idempotency;

public enum IdempotencyVerdict
{
    /// <summary>New (or free again): run the POST.</summary>
    Claimed,
    /// <summary>The same request was answered before: answer that again.</summary>
    Replay,
    /// <summary>The same request is running now: 409.</summary>
    InFlight,
    /// <summary>The key was used for another request: 422.</summary>
    Mismatch,
}
