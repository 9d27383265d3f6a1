using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Deliveries.Outbox;

namespace Open311Gateway.Api.Deliveries.Operations;

/// <summary>What operators do with deliveries: look at them and replay the ones that failed.</summary>
public sealed class DeliveryOperations(GatewayDbContext db, OutboxSignal signal, TimeProvider clock)
{
    public Task<List<Delivery>> ListAsync(string? state, CancellationToken cancellationToken) => db.Deliveries.AsNoTracking()
        .Where(d => state == null || d.State == state)
        .OrderByDescending(d => d.UpdatedAt)
        .Take(500)
        .ToListAsync(cancellationToken);

    /// <summary>
    /// Makes a failed or rejected delivery due at once, with a fresh attempt budget; the retry
    /// scheduler then sends it through the outbox as usual, to the route stored with it. Attempt numbers
    /// go on counting, so a late outcome of an attempt before the replay is still recognised as stale.
    /// Returns how many were replayed.
    /// </summary>
    /// <param name="reroute">
    /// Forget the stored route and take the catalogue's current one: for a delivery whose route was wrong (an adapter no
    /// worker has, a back office that never took it). Never for one a back office may have: it would open a second case elsewhere.
    /// </param>
    public async Task<int> ReplayAsync(Guid? deliveryId, string? jurisdictionId, CancellationToken cancellationToken, bool reroute = false)
    {
        var now = clock.GetUtcNow();
        var replayed = await db.Deliveries
            .Where(d => d.State == DeliveryStates.Failed || (deliveryId != null && d.State == DeliveryStates.Rejected))
            .Where(d => deliveryId == null || d.Id == deliveryId)
            .Where(d => jurisdictionId == null || d.JurisdictionId == jurisdictionId)
            .ExecuteUpdateAsync(d => d
                .SetProperty(x => x.State, DeliveryStates.RetryWait)
                .SetProperty(x => x.NextAttemptAt, now)
                .SetProperty(x => x.AttemptsAtReplay, x => x.Attempts)
                .SetProperty(x => x.Route, x => reroute ? null : x.Route)
                .SetProperty(x => x.RouteKey, x => reroute ? null : x.RouteKey)
                .SetProperty(x => x.UpdatedAt, now), cancellationToken);
        if (replayed > 0) signal.Notify();
        return replayed;
    }
}
