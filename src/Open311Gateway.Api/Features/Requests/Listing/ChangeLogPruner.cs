using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Open311Gateway.Api.Data;

namespace Open311Gateway.Api.Features.Requests.Listing;

/// <summary>
/// Keeps the change log (<c>public_changes</c>) from growing for ever. A sync needs, for a report changed after its
/// bound, the report's latest change up to that bound (<see cref="ChangeOrder.Moved"/>). For every bound within the
/// last <see cref="RequestListingOptions.ChangeLogDays"/> that is the newest entry at or before the cut-off, or a
/// later one: an entry superseded by another that is itself older than the cut-off is never looked up again.
/// A sync with an older bound treats such a report like one past <see cref="RequestListingOptions.MaxMovedReports"/>.
/// </summary>
public sealed class ChangeLogPruner(GatewayDbContext db, IOptions<RequestListingOptions> options, TimeProvider clock)
{
    // Any number that no other advisory lock of the gateway uses: one API process prunes at a time.
    private const long PruningLock = 0x0311_C4A6_E106;

    /// <summary>Deletes the superseded entries; returns how many, or 0 when another process is pruning now.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutOff = clock.GetUtcNow().AddDays(-options.Value.ChangeLogDays);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({PruningLock}) AS \"Value\"").SingleAsync(cancellationToken);
        if (!locked) return 0;
        var deleted = await db.Database.ExecuteSqlAsync($"""
            DELETE FROM public_changes c USING public_changes n
            WHERE n.service_request_id = c.service_request_id AND n.changed_at > c.changed_at AND n.changed_at <= {cutOff}
            """, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }
}
