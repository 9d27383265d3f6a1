using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Deliveries.Operations;
using Open311Gateway.Api.RateLimiting;

namespace Open311Gateway.Api.Operator;

/// <summary>
/// Reads the status page's numbers. Each is one aggregate query over indexed columns (deliveries by jurisdiction and
/// state, retry_wait by next attempt, the outbox's unsent rows, reports by jurisdiction and time), so the page stays cheap
/// on a large database.
/// </summary>
public sealed class OperatorStatusQueries(GatewayDbContext db, OutboxBacklog outbox, RecentRateLimitRejections rejections, TimeProvider clock)
{
    public const int ListedRows = 20;
    public const int ChartHours = 24;

    public async Task<OperatorStatus> ReadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var deliveries = await db.Database.SqlQueryRaw<DeliveryCountRow>("""
            SELECT jurisdiction_id, coalesce(route->>'adapter', '') AS adapter,
                   count(*) FILTER (WHERE state = 'in_flight')::int AS in_flight,
                   count(*) FILTER (WHERE state = 'retry_wait')::int AS retry_wait,
                   count(*) FILTER (WHERE state = 'delivered')::int AS delivered,
                   count(*) FILTER (WHERE state = 'rejected')::int AS rejected,
                   count(*) FILTER (WHERE state = 'failed')::int AS failed
            FROM deliveries GROUP BY 1, 2 ORDER BY 1, 2
            """).ToListAsync(cancellationToken);
        var failures = await ProblemsAsync("state IN ('failed', 'rejected')", "updated_at DESC", cancellationToken);
        var retryQueue = await ProblemsAsync("state = 'retry_wait'", "next_attempt_at, id", cancellationToken);
        var retryWaiting = deliveries.Sum(d => d.RetryWait);
        var firstHour = new DateTimeOffset(now.UtcDateTime.Date.AddHours(now.UtcDateTime.Hour), TimeSpan.Zero).AddHours(1 - ChartHours);
        var hours = await db.Database.SqlQueryRaw<HourlyActivityRow>("""
            WITH accepted AS (
                -- Through jurisdictions, so that the (jurisdiction_id, requested_at) index serves it.
                SELECT date_trunc('hour', r.requested_at, 'UTC') AS hour, count(*) AS n
                FROM jurisdictions j JOIN service_requests r ON r.jurisdiction_id = j.id AND r.requested_at >= {0}
                GROUP BY 1),
            delivered AS (
                -- A delivery's updated_at is never before its delivered_at: the (state, updated_at) index narrows it.
                SELECT date_trunc('hour', d.delivered_at, 'UTC') AS hour, count(*) AS n
                FROM deliveries d
                WHERE d.state = 'delivered' AND d.kind = 'request' AND d.updated_at >= {0} AND d.delivered_at >= {0}
                GROUP BY 1)
            SELECT h.hour, coalesce(a.n, 0)::int AS accepted, coalesce(dl.n, 0)::int AS delivered
            FROM generate_series({0}::timestamptz, {0}::timestamptz + ({1} - 1) * interval '1 hour', interval '1 hour') AS h(hour)
            LEFT JOIN accepted a ON a.hour = h.hour LEFT JOIN delivered dl ON dl.hour = h.hour
            ORDER BY 1
            """, firstHour, ChartHours).ToListAsync(cancellationToken);
        return new OperatorStatus(now, deliveries, failures, retryWaiting, retryQueue,
            await outbox.ByJurisdictionAsync(cancellationToken), rejections.Newest(), hours);
    }

    private Task<List<ProblemDeliveryRow>> ProblemsAsync(string where, string orderBy, CancellationToken cancellationToken) =>
        // Both fragments are constants of this class, never input.
#pragma warning disable EF1002
        db.Database.SqlQueryRaw<ProblemDeliveryRow>($"""
            SELECT id, jurisdiction_id, coalesce(route->>'adapter', '') AS adapter, kind,
                   service_request_id, state, attempts, last_http_status,
                   last_error, updated_at, next_attempt_at
            FROM deliveries WHERE {where} ORDER BY {orderBy} LIMIT {ListedRows}
            """).ToListAsync(cancellationToken);
#pragma warning restore EF1002
}
