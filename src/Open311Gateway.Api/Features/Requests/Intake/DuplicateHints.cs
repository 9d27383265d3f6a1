using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Features.Requests.Intake;

/// <summary>
/// The intake's duplicate step (ADR 15): a new report near an open public report of the same service, filed within
/// the service's days, is still accepted, and its service_notice names that report, so the citizen (and anyone
/// reading it later) can follow the earlier one. Only reports the public may see are ever named.
/// </summary>
public sealed class DuplicateHints(GatewayDbContext db)
{
    /// <summary>The nearest such report (the oldest of equally near ones), or null; never looked for without a point.</summary>
    public async Task<long?> FindEarlierAsync(Service service, Point? location, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (service.DuplicateRadiusMetres is not { } radius || service.DuplicateDays is not { } days || location is null) return null;
        return await EarlierQuery(service.Id, location, radius, now.AddDays(-days)).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The query <see cref="FindEarlierAsync"/> runs (its plan is tested).</summary>
    public IQueryable<long?> EarlierQuery(long serviceId, Point location, double radiusMetres, DateTimeOffset since) =>
        // On geography, IsWithinDistance is ST_DWithin in metres on the spheroid, served by the GiST index on location.
        // "+ 0" keeps the planner off the service_id index: before service_requests has statistics (a new database,
        // its first minute) it chose that index and read every report of the service per POST, a cost growing with
        // each report (ADR 22). A few metres around a point are always fewer rows than a whole service.
        db.ServiceRequests.AsNoTracking().VisibleToPublic()
            .Where(r => r.ServiceId + 0 == serviceId && r.Status == "open" && r.RequestedAt >= since
                && r.Location != null && r.Location.IsWithinDistance(location, radiusMetres))
            .OrderBy(r => r.Location!.Distance(location)).ThenBy(r => r.Id)
            .Select(r => (long?)r.Id);

    /// <summary>The service's own notice, then one sentence naming the earlier report (in the catalogue's language, German).</summary>
    public static string? Notice(string? serviceNotice, long? earlierId)
    {
        if (earlierId is not { } id) return serviceNotice;
        var hint = $"Ganz in der Nähe ist bereits eine Meldung dazu offen: {id.ToString(CultureInfo.InvariantCulture)}.";
        return string.IsNullOrWhiteSpace(serviceNotice) ? hint : serviceNotice.TrimEnd() + " " + hint;
    }
}
