namespace Open311Gateway.Contracts.StatusPolls;

/// <summary>
/// The API asks a worker what changed at a pull-based back office since <see cref="Cursor"/>. Sent to the
/// jurisdiction's delivery queue; the answer is a <see cref="StatusPollAnswered"/> with the same
/// <see cref="PollId"/>. The worker keeps nothing: the cursor travels with the poll.
/// </summary>
public sealed record StatusPollRequested
{
    public required Guid PollId { get; init; }
    public required DeliveryRoute Route { get; init; }
    /// <summary>Where the last poll stopped, as the adapter wrote it; null the first time.</summary>
    public string? Cursor { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
    /// <summary>A poll taken off the queue after this is dropped unanswered: a newer one has been scheduled.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }
    /// <summary>For back offices asked case by case: the reports of this route that it has, with its case ids.</summary>
    public IReadOnlyList<PolledCase> Cases { get; init; } = [];
}
