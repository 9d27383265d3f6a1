namespace Open311Gateway.Api.Data.Entities;

/// <summary>A delivery's life: in_flight ⇄ retry_wait, ending delivered, rejected or failed (replayable).</summary>
public static class DeliveryStates
{
    /// <summary>A message for the current attempt is in the outbox or on its way.</summary>
    public const string InFlight = "in_flight";
    /// <summary>The last attempt failed; the next is due at NextAttemptAt.</summary>
    public const string RetryWait = "retry_wait";
    public const string Delivered = "delivered";
    /// <summary>The back office refused it for good (4xx).</summary>
    public const string Rejected = "rejected";
    /// <summary>Every attempt failed, or the message could not be processed at all; an operator may replay it.</summary>
    public const string Failed = "failed";
}
