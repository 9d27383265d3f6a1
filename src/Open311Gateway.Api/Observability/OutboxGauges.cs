using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data;
using Open311Gateway.ServiceDefaults.Telemetry;

namespace Open311Gateway.Api.Observability;

/// <summary>
/// Gauges read from the database at scrape time: the outbox backlog (unsent, unparked rows) and the age of its oldest
/// row, parked rows, and deliveries waiting for their next attempt. One query over partial indexes, answered from a
/// few seconds' cache, so that several scrapers (or a scrape per replica, all reading one database) cost little.
/// Every replica reports the same database-wide numbers: aggregate them with max, not sum.
/// </summary>
public sealed class OutboxGauges
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly ILogger<OutboxGauges> _logger;
    private readonly Lock _lock = new();
    private Snapshot? _snapshot;

    public OutboxGauges(IMeterFactory meters, IServiceScopeFactory scopes, TimeProvider clock, ILogger<OutboxGauges> logger)
    {
        (_scopes, _clock, _logger) = (scopes, clock, logger);
        var meter = meters.Create(GatewayMeters.Api);
        meter.CreateObservableGauge("open311.outbox.backlog", () => Measure(s => s.Backlog), "{message}", "Outbox messages not yet sent to RabbitMQ (parked ones not counted).");
        meter.CreateObservableGauge("open311.outbox.oldest_age", () => Measure(s => s.OldestAgeSeconds), "s", "Age of the oldest unsent outbox message; 0 when the outbox is empty.");
        meter.CreateObservableGauge("open311.outbox.parked", () => Measure(s => s.Parked), "{message}", "Outbox messages parked after failing by themselves.");
        meter.CreateObservableGauge("open311.deliveries.retry_waiting", () => Measure(s => s.RetryWaiting), "{delivery}", "Deliveries waiting for their next attempt.");
    }

    private IEnumerable<Measurement<double>> Measure(Func<Snapshot, double> value)
    {
        var snapshot = Current();
        return snapshot is null ? [] : [new Measurement<double>(value(snapshot))];
    }

    private Snapshot? Current()
    {
        lock (_lock)
        {
            var now = _clock.GetUtcNow();
            if (_snapshot is not null && now - _snapshot.ReadAt < CacheFor) return _snapshot;
            try
            {
                _snapshot = Read(now);
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
            {
                // No numbers rather than old ones while the database is away; /health/ready says why.
                _logger.LogDebug(e, "Outbox gauges not read");
                _snapshot = null;
            }
            return _snapshot;
        }
    }

    private Snapshot Read(DateTimeOffset now)
    {
        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        // Observable instruments are read synchronously by the exporter; each filter matches a partial index.
        var row = db.Database.SqlQueryRaw<Row>("""
            SELECT (SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL AND parked_at IS NULL) AS backlog,
                   (SELECT min(created_at) FROM outbox_messages WHERE sent_at IS NULL AND parked_at IS NULL) AS oldest,
                   (SELECT count(*) FROM outbox_messages WHERE parked_at IS NOT NULL AND sent_at IS NULL) AS parked,
                   (SELECT count(*) FROM deliveries WHERE state = 'retry_wait') AS retry_waiting
            """).AsEnumerable().Single();
        var age = row.Oldest is { } oldest ? Math.Max(0, (now - oldest).TotalSeconds) : 0;
        return new Snapshot(now, row.Backlog, age, row.Parked, row.RetryWaiting);
    }

    private sealed record Snapshot(DateTimeOffset ReadAt, long Backlog, double OldestAgeSeconds, long Parked, long RetryWaiting);

    private sealed record Row(long Backlog, DateTimeOffset? Oldest, long Parked, long RetryWaiting);
}
