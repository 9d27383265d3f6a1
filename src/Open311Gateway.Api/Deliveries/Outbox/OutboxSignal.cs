namespace Open311Gateway.Api.Deliveries.Outbox;

/// <summary>Wakes the dispatcher when a request wrote to the outbox, so delivery does not wait for the next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Notify()
    {
        // At most one wake-up is kept: the dispatcher drains everything when it runs. Under load the wake-up is nearly
        // always pending already, and a thrown SemaphoreFullException per POST showed in its CPU profile; the catch is
        // left for the rare race between the check and the release.
        if (_pending.CurrentCount > 0) return;
        try { _pending.Release(); } catch (SemaphoreFullException) { }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _pending.WaitAsync(timeout, cancellationToken);
}
