using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Data.Configurations;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Privacy;

/// <summary>
/// Erases the personal data of reports closed longer ago than their jurisdiction's retention
/// (<c>personal_data_retention_days</c>), with their follow-ups'. Each batch is claimed with
/// <c>FOR UPDATE SKIP LOCKED</c> in a transaction of its own, so several API replicas can sweep at once without
/// waiting for each other or erasing a report twice.
/// </summary>
public sealed class RetentionSweep(GatewayDbContext db, PersonalDataEraser eraser, IOptions<PrivacyOptions> options, TimeProvider clock,
    ILogger<RetentionSweep> logger)
{
    // Two claims, each on a partial index over rows that still hold personal data (so a run over a million erased
    // reports reads only the few that are left): reports holding data themselves, and reports whose follow-ups do.
    // One query with a UNION inside could not lock, and joining its result back cost a scan of every report.
    private const string Due = "r.closed_at <= @now - make_interval(days => j.personal_data_retention_days)";

    private static readonly string ClaimReportsSql = $"""
        SELECT r.id AS "Value"
        FROM service_requests r JOIN jurisdictions j ON j.id = r.jurisdiction_id
        WHERE {Due} AND ({PersonalColumns.AnyOfReport("r")})
        ORDER BY r.closed_at, r.id LIMIT @batch
        FOR UPDATE OF r SKIP LOCKED
        """;

    private static readonly string ClaimReportsOfFollowUpsSql = $"""
        SELECT r.id AS "Value"
        FROM request_updates u JOIN service_requests r ON r.id = u.service_request_id JOIN jurisdictions j ON j.id = r.jurisdiction_id
        WHERE {Due} AND ({PersonalColumns.AnyOfUpdate("u")})
        ORDER BY r.closed_at, r.id LIMIT @batch
        FOR UPDATE OF r SKIP LOCKED
        """;

    /// <summary>Erases every due report, one batch per transaction; returns how many reports were reached.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var erased = await EraseBatchAsync(cancellationToken);
            total += erased;
            if (erased < options.Value.RetentionBatchSize) return total;
        }
    }

    private async Task<int> EraseBatchAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var batch = options.Value.RetentionBatchSize;
        var claimed = (await ClaimAsync(ClaimReportsSql, batch, cancellationToken)).ToHashSet();
        // A report locked twice by this transaction is no conflict; SKIP LOCKED skips only other transactions' locks.
        if (claimed.Count < batch) claimed.UnionWith(await ClaimAsync(ClaimReportsOfFollowUpsSql, batch - claimed.Count, cancellationToken));
        if (claimed.Count == 0) return 0;

        var reports = await db.ServiceRequests
            .Where(r => claimed.Contains(r.Id)
                && (r.Email != null || r.Phone != null || r.FirstName != null || r.LastName != null || r.DeviceId != null || r.AccountId != null))
            .Select(r => r.Id).ToListAsync(cancellationToken);
        var updates = await db.RequestUpdates
            .Where(u => claimed.Contains(u.ServiceRequestId) && (u.Email != null || u.FirstName != null || u.LastName != null || u.AccountId != null))
            .Select(u => u.Id).ToListAsync(cancellationToken);
        var audit = await eraser.EraseAsync(ErasureReasons.Retention, null, reports, updates, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Retention: personal data of {Reports} reports and {Updates} follow-ups erased (audit entry {Audit})",
            reports.Count, updates.Count, audit.Id);
        return claimed.Count;
    }

    private Task<List<long>> ClaimAsync(string sql, int limit, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<long>(sql, new NpgsqlParameter("now", clock.GetUtcNow()), new NpgsqlParameter("batch", limit))
            .ToListAsync(cancellationToken);
}
