using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Deliveries.Outbox;

namespace Open311Gateway.Api.Deliveries.Operations;

/// <summary>What operators do with outbox rows the dispatcher parked: look at them and send them again.</summary>
public sealed class OutboxOperations(GatewayDbContext db, OutboxSignal signal)
{
    public Task<List<OutboxMessage>> ListParkedAsync(CancellationToken cancellationToken) => db.OutboxMessages.AsNoTracking()
        .Where(m => m.ParkedAt != null && m.SentAt == null)
        .OrderBy(m => m.Id)
        .Take(500)
        .ToListAsync(cancellationToken);

    /// <summary>Unparks one row (or every parked row when <paramref name="id"/> is null) with a fresh failure count; returns how many.</summary>
    public async Task<int> ReplayParkedAsync(long? id, CancellationToken cancellationToken)
    {
        var replayed = await db.OutboxMessages
            .Where(m => m.ParkedAt != null && m.SentAt == null && (id == null || m.Id == id))
            .ExecuteUpdateAsync(m => m
                .SetProperty(x => x.ParkedAt, (DateTimeOffset?)null)
                .SetProperty(x => x.RowFailures, 0), cancellationToken);
        if (replayed > 0) signal.Notify();
        return replayed;
    }
}
