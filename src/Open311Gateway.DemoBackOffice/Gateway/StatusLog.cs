using System.Collections.Concurrent;

namespace Open311Gateway.DemoBackOffice.Gateway;

/// <summary>The statuses sent back so far, newest first on the page.</summary>
public sealed class StatusLog
{
    private readonly ConcurrentQueue<StatusSent> _sent = new();

    public void Add(StatusSent entry) => _sent.Enqueue(entry);

    public IReadOnlyList<StatusSent> Newest => _sent.Reverse().ToList();
}
