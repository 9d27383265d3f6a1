using Open311Gateway.Contracts;

namespace Open311Gateway.Api.Data.Entities;

/// <summary>
/// One route whose back office is asked for status changes (a jurisdiction, or a service with a delivery block of its
/// own, whose adapter pulls statuses). Kept in step with the catalogue by the importer; claimed by one API process at
/// a time, which sends the poll through the outbox and waits for the worker's answer.
/// </summary>
public class StatusPoll
{
    /// <summary>The route key: the jurisdiction id, or <c>jurisdiction/service code</c>.</summary>
    public required string RouteKey { get; set; }
    public required string JurisdictionId { get; set; }
    /// <summary>The route as the catalogue names it now (jsonb).</summary>
    public required DeliveryRoute Route { get; set; }
    public int IntervalSeconds { get; set; }
    /// <summary>False when the catalogue no longer names this route; the row keeps its cursor in case it comes back.</summary>
    public bool IsActive { get; set; } = true;
    public DateTimeOffset NextPollAt { get; set; }
    /// <summary>Where the back office's changes were read up to, as the adapter wrote it.</summary>
    public string? Cursor { get; set; }
    /// <summary>The poll sent and not answered yet; its answer moves the cursor, others' only add their changes.</summary>
    public Guid? OutstandingPollId { get; set; }
    /// <summary>Until then no other process sends a poll for this route; after it, the poll counts as lost.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }
    public DateTimeOffset? LastAnsweredAt { get; set; }
    public string? LastError { get; set; }
}
