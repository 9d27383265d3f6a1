using Open311Gateway.Contracts.StatusPolls;

namespace Open311Gateway.Worker.Adapters;

/// <summary>
/// Reads status changes from a back office that cannot push them (an upstream Open311 server, Redmine). The API
/// schedules the polls and keeps the cursor; the poller keeps nothing between polls. An adapter of a kind whose
/// statuses are pulled implements this beside <see cref="IBackOfficeAdapter"/>.
/// </summary>
public interface IStatusPoller
{
    /// <summary>The <see cref="IBackOfficeAdapter.Kind"/> this poller belongs to.</summary>
    string Kind { get; }

    /// <summary>
    /// The changes since <see cref="StatusPollRequested.Cursor"/>, oldest first, and the cursor to start from next time.
    /// Report a back office that cannot be asked as a failed <see cref="PollResult"/>; throw only for a worker that
    /// cannot poll as configured (the answer then carries the reason too).
    /// </summary>
    Task<PollResult> PollAsync(StatusPollRequested poll, CancellationToken cancellationToken);
}
