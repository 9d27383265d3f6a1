using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Deliveries;

/// <summary>
/// Turns deliveries whose retry is due into a new attempt in the outbox. The long retry schedule lives
/// here, in PostgreSQL, because Debian's RabbitMQ has no delayed-message plug-in. A delivery in flight
/// for longer than <see cref="DeliveryOptions.InFlightTimeoutMinutes"/> without any outcome (the outcome
/// was lost, say) is tried again too; the back office's idempotency key makes the repeat harmless.
/// </summary>
public sealed class RetryScheduler(GatewayDbContext db, DeliveryPlanner planner, IOptions<DeliveryOptions> options, TimeProvider clock)
{
    /// <summary>Plans the next attempt of each due delivery; returns how many.</summary>
    public async Task<int> ScheduleDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var silentSince = now - TimeSpan.FromMinutes(options.Value.InFlightTimeoutMinutes);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await db.Deliveries
            .FromSql($"""
                SELECT * FROM deliveries
                WHERE (state = {DeliveryStates.RetryWait} AND next_attempt_at <= {now})
                   OR (state = {DeliveryStates.InFlight} AND updated_at <= {silentSince})
                ORDER BY updated_at LIMIT {options.Value.BatchSize} FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);
        foreach (var delivery in due)
        {
            var request = await db.ServiceRequests.Include(r => r.Service).ThenInclude(s => s!.Jurisdiction)
                .SingleAsync(r => r.Id == delivery.ServiceRequestId, cancellationToken);
            var update = delivery.RequestUpdateId is { } updateId ? await db.RequestUpdates.FindAsync([updateId], cancellationToken) : null;
            var service = request.Service!;
            if (DeliveryRoutes.For(service, service.Jurisdiction!) is null)
            {
                delivery.State = DeliveryStates.Failed;
                delivery.LastError = "The catalogue no longer names a delivery route for this service.";
                delivery.UpdatedAt = now;
                continue;
            }
            planner.PlanNextAttempt(delivery, request, service, service.Jurisdiction!, update);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due.Count;
    }
}
