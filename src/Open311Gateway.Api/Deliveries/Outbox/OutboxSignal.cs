namespace Open311Gateway.Api.Deliveries.Outbox;

/// <summary>Wakes the dispatcher when a request wrote to the outbox, so delivery does not wait for the next poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Notify()
    {
        // At most one wake-up is kept: the dispatcher drains everything when it runs.
        try { _pending.Release(); } catch (SemaphoreFullException) { }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _pending.WaitAsync(timeout, cancellationToken);
}
