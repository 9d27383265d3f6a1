using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Statuses;

namespace Open311Gateway.Api.BackOffice;

/// <summary>
/// Makes a back office's update the report's public state, unless the report already shows a newer one:
/// updates may arrive out of order (a back office's retry queue), and an older one must not win.
/// </summary>
public static class StatusApplier
{
    /// <summary>Applies the update in the caller's transaction; false when the report's state is newer.</summary>
    /// <param name="now">The gateway's clock: the report's public change time (not the back office's time).</param>
    public static async Task<bool> ApplyIfNotOlderAsync(GatewayDbContext db, RequestUpdate update, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!ExtendedStatuses.TryGetCoreStatus(update.Status, out var core))
            throw new ArgumentException($"Update {update.Id} has no extended status from the table.", nameof(update));

        // Times are published to the second, so "not older" is judged to the second: an update stamped
        // 10:00:00 applies over a state shown as 10:00:00 even if that was 10:00:00.7 inside.
        var notAfter = update.UpdatedAt.AddTicks(-(update.UpdatedAt.UtcTicks % TimeSpan.TicksPerSecond)).AddSeconds(1);
        // One conditional UPDATE: the row lock it takes orders concurrent updates of the same report, and the
        // condition is checked again on the newest row version, so two racing updates cannot both win.
        var changed = await db.ServiceRequests
            .Where(r => r.Id == update.ServiceRequestId && r.UpdatedAt < notAfter)
            .ExecuteUpdateAsync(set =>
            {
                set.SetProperty(r => r.ExtendedStatus, update.Status)
                    .SetProperty(r => r.Status, core)
                    .SetProperty(r => r.StatusNotes, update.Description)
                    .SetProperty(r => r.UpdatedAt, update.UpdatedAt)
                    .SetProperty(r => r.PublicChangedAt, now);
                // The retention of personal data counts from the first closing status (FIXED, then CLOSED, keeps the
                // first); a reopened report is open again and its clock starts afresh when it closes next.
                if (core == ExtendedStatuses.Closed) set.SetProperty(r => r.ClosedAt, r => r.ClosedAt ?? now);
                else set.SetProperty(r => r.ClosedAt, (DateTimeOffset?)null);
                if (update.AgencyResponsible is not null) set.SetProperty(r => r.AgencyResponsible, update.AgencyResponsible);
                if (update.ExpectedAt is not null) set.SetProperty(r => r.ExpectedAt, update.ExpectedAt);
            }, cancellationToken);
        return changed == 1;
    }
}
