namespace Open311Gateway.Worker.Adapters;

/// <summary>
/// The seam for pull-based back offices: systems that cannot call our back-office API, so the worker asks them
/// for status changes instead. An adapter implements this beside <see cref="IBackOfficeAdapter"/>; a future
/// polling loop would turn each change into a message for the API. No adapter implements it yet: the webhook
/// back office pushes its statuses to the gateway's back-office API.
/// </summary>
public interface IStatusSource
{
    /// <summary>The <see cref="IBackOfficeAdapter.Kind"/> this source belongs to.</summary>
    string Kind { get; }

    /// <summary>
    /// Status changes the back office recorded after <paramref name="since"/>, oldest first, so a caller can resume
    /// from the last one it handled.
    /// </summary>
    IAsyncEnumerable<BackOfficeStatusChange> FetchStatusChangesAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
