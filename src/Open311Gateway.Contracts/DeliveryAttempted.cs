namespace Open311Gateway.Contracts;

/// <summary>
/// A worker's report of one delivery attempt. Workers own no database: the API host records this and
/// schedules the next attempt.
/// </summary>
public sealed record DeliveryAttempted
{
    public required Guid DeliveryId { get; init; }
    public required int Attempt { get; init; }
    public required DeliveryOutcome Outcome { get; init; }
    public required DateTimeOffset AttemptedAt { get; init; }
    /// <summary>The back office's case id, when it answered with one.</summary>
    public string? ExternalCaseId { get; init; }
    public int? HttpStatus { get; init; }
    /// <summary>Why it failed or was rejected, for operators (and, when rejected, for the public status notes).</summary>
    public string? Detail { get; init; }
}
