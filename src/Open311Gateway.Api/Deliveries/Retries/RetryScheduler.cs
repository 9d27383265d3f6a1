using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Deliveries.Outbox;
using Open311Gateway.Api.Deliveries.Planning;

namespace Open311Gateway.Api.Deliveries.Retries;

/// <summary>
/// Turns deliveries whose retry is due into a new attempt in the outbox. The long retry schedule lives
/// here, in PostgreSQL, because Debian's RabbitMQ has no delayed-message plug-in. A delivery in flight
/// for longer than <see cref="DeliveryOptions.InFlightTimeoutMinutes"/> without any outcome (the outcome
/// was lost, say) is tried again too; the back office's idempotency key makes the repeat harmless.
/// Each attempt goes to the route stored with the delivery, not to whatever the catalogue says now.
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
        if (due.Count == 0) return 0;

        // What the messages carry, read for the whole batch at once rather than per delivery.
        var requestIds = due.Select(d => d.ServiceRequestId).Distinct().ToList();
        var requests = await db.ServiceRequests.Include(r => r.Service).ThenInclude(s => s!.Jurisdiction)
            .Where(r => requestIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var updateIds = due.Where(d => d.RequestUpdateId is not null).Select(d => d.RequestUpdateId!.Value).Distinct().ToList();
        var updates = updateIds.Count == 0 ? [] : await db.RequestUpdates
            .Where(u => updateIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);

        var failed = new List<Guid>();
        foreach (var delivery in due)
        {
            var request = requests[delivery.ServiceRequestId];
            var service = request.Service!;
            // Rows planned before routes were stored take the catalogue's route once; from then on they keep it.
            var route = delivery.Route ?? DeliveryRoutes.For(service, service.Jurisdiction!);
            if (route is null)
            {
                delivery.State = DeliveryStates.Failed;
                delivery.LastError = "The delivery has no stored route and the catalogue names none for this service.";
                delivery.UpdatedAt = now;
                failed.Add(delivery.Id);
                continue;
            }
            planner.PlanNextAttempt(delivery, route, request, service,
                delivery.RequestUpdateId is { } updateId ? updates.GetValueOrDefault(updateId) : null);
        }
        await EndedDeliveryRows.DeleteAsync(db, failed, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due.Count;
    }
}
