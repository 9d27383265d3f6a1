using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data;

namespace Open311Gateway.Api.Deliveries.Operations;

/// <summary>
/// What the outbox still holds, per jurisdiction: for <c>outbox-backlog</c> and the status page. A backlog that grows, or an
/// oldest row that ages, means the dispatcher cannot reach the broker (or cannot keep up).
/// </summary>
public sealed class OutboxBacklog(GatewayDbContext db, TimeProvider clock)
{
    /// <summary>Label of the rows that belong to no delivery (status polls ask a back office, they deliver no report).</summary>
    public const string NoJurisdiction = "";

    /// <summary>How long a row written then has waited; null for none.</summary>
    public TimeSpan? AgeOf(DateTimeOffset? writtenAt) => writtenAt is { } at ? TimeSpan.FromTicks(Math.Max(0, (clock.GetUtcNow() - at).Ticks)) : null;

    public Task<List<OutboxBacklogRow>> ByJurisdictionAsync(CancellationToken cancellationToken) => db.Database
        // Only unsent rows are read: the two partial indexes on sent_at IS NULL keep this cheap however large the outbox grew.
        .SqlQueryRaw<OutboxBacklogRow>("""
            SELECT coalesce(d.jurisdiction_id, '') AS jurisdiction_id,
                   count(*) FILTER (WHERE m.parked_at IS NULL)::int AS waiting,
                   min(m.created_at) FILTER (WHERE m.parked_at IS NULL) AS oldest_waiting_since,
                   count(*) FILTER (WHERE m.parked_at IS NOT NULL)::int AS parked
            FROM outbox_messages m LEFT JOIN deliveries d ON d.id = m.delivery_id
            WHERE m.sent_at IS NULL
            GROUP BY 1
            ORDER BY 1
            """)
        .ToListAsync(cancellationToken);
}
