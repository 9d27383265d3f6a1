namespace Open311Gateway.Worker.Adapters;

/// <summary>Picks the adapter (or status poller) a message's route names.</summary>
public sealed class AdapterRegistry(IEnumerable<IBackOfficeAdapter> adapters, IEnumerable<IStatusPoller> pollers)
{
    private readonly Dictionary<string, IBackOfficeAdapter> _byKind =
        adapters.ToDictionary(a => a.Kind, StringComparer.OrdinalIgnoreCase);

    private readonly Dictionary<string, IStatusPoller> _pollers =
        pollers.ToDictionary(p => p.Kind, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> Kinds => _byKind.Keys;

    /// <exception cref="InvalidOperationException">
    /// No adapter of that kind runs here. Thrown, not reported as a failure: retrying cannot help, so the message
    /// belongs in the error queue.
    /// </exception>
    public IBackOfficeAdapter Get(string kind) =>
        _byKind.TryGetValue(kind, out var adapter)
            ? adapter
            : throw new InvalidOperationException(
                $"No back-office adapter of kind '{kind}' runs in this worker (known: {string.Join(", ", _byKind.Keys.Order())}).");

    /// <exception cref="InvalidOperationException">No adapter of that kind polls for statuses here.</exception>
    public IStatusPoller GetPoller(string kind) =>
        _pollers.TryGetValue(kind, out var poller)
            ? poller
            : throw new InvalidOperationException(
                $"No status poller of kind '{kind}' runs in this worker (known: {string.Join(", ", _pollers.Keys.Order())}).");
}
