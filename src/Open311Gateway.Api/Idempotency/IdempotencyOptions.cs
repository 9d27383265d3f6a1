namespace Open311Gateway.Api.Idempotency;

/// <summary>The <c>Idempotency-Key</c> header on client apps' POSTs (section <c>Open311:Idempotency</c>, ADR 18).</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Open311:Idempotency";

    /// <summary>How long a key and its answer are kept after the POST: a retry within this time gets the original answer.</summary>
    public double KeepHours { get; set; } = 24;

    /// <summary>
    /// How long a POST may hold its key while it runs. A process that dies mid-request leaves its key claimed; past
    /// this lease a retry runs the POST again (nothing of the dead one was committed). Longer than any POST takes.
    /// </summary>
    public int LeaseSeconds { get; set; } = 60;
}
