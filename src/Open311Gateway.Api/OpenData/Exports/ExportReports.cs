using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Features.Requests;

namespace Open311Gateway.Api.OpenData.Exports;

/// <summary>
/// The reports of an export: <see cref="PublicReports.VisibleToPublic"/> (the one public rule) within the window, by
/// id, and only the columns a public answer shows (<see cref="PublicReportColumns"/>), so personal data is never read.
/// </summary>
public sealed class ExportReports(GatewayDbContext db)
{
    /// <param name="changesUntil">For a change window: the settled bound above which no change is shown (ADR 12).</param>
    public IQueryable<ServiceRequest> Of(string jurisdictionId, ExportWindow window, DateTimeOffset? changesUntil)
    {
        var reports = db.ServiceRequests.AsNoTracking().VisibleToPublic().Where(r => r.JurisdictionId == jurisdictionId);
        if (window.RequestedFrom is { } from) reports = reports.Where(r => r.RequestedAt >= from);
        if (window.RequestedTo is { } to) reports = reports.Where(r => r.RequestedAt <= to);
        if (window.UpdatedAfter is { } after) reports = reports.Where(r => r.PublicChangedAt > after);
        if (changesUntil is { } until) reports = reports.Where(r => r.PublicChangedAt <= until);
        return reports;
    }

    public async Task<(long Count, long HighestId, DateTimeOffset? NewestChange)> SummaryAsync(IQueryable<ServiceRequest> reports, CancellationToken cancellationToken)
    {
        var count = await reports.LongCountAsync(cancellationToken);
        if (count == 0) return (0, 0, null);
        var highest = await reports.MaxAsync(r => r.Id, cancellationToken);
        var newest = await reports.MaxAsync(r => r.PublicChangedAt, cancellationToken);
        return (count, highest, newest);
    }

    /// <summary>
    /// Read as the rows arrive from PostgreSQL (no change tracking, no buffering: the context has no retrying strategy),
    /// so the process holds one report at a time however many the export has.
    /// </summary>
    public IAsyncEnumerable<ServiceRequest> Stream(IQueryable<ServiceRequest> reports) =>
        reports.OrderBy(r => r.Id).OnlyPublicColumns().AsAsyncEnumerable();
}
