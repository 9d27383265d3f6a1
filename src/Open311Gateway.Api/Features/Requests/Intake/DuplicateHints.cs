using System.Globalization;
using NetTopologySuite.Geometries;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Features.Requests.Intake;

/// <summary>
/// The intake's duplicate step (ADR 15): a new report near an open public report of the same service, filed within
/// the service's days, is still accepted, and its service_notice names that report, so the citizen (and anyone
/// reading it later) can follow the earlier one. Only reports the public may see are ever named. The search itself
/// runs in <see cref="NewReportLookup"/>, in the round trip that also takes the report's id.
/// </summary>
public static class DuplicateHints
{
    /// <summary>
    /// What to look for, or null: never without a point, nor for a service without a duplicate radius, nor for a service
    /// the public does not see (no report of it could be named).
    /// </summary>
    public static DuplicateSearch? SearchFor(Service service, Point? location, DateTimeOffset now) =>
        service.DuplicateRadiusMetres is { } radius && service.DuplicateDays is { } days && location is not null
            && PublicReports.ServiceIsPublic(service)
            ? new DuplicateSearch(service.Id, radius, now.AddDays(-days))
            : null;

    /// <summary>The service's own notice, then one sentence naming the earlier report (in the catalogue's language, German).</summary>
    public static string? Notice(string? serviceNotice, long? earlierId)
    {
        if (earlierId is not { } id) return serviceNotice;
        var hint = $"Ganz in der Nähe ist bereits eine Meldung dazu offen: {id.ToString(CultureInfo.InvariantCulture)}.";
        return string.IsNullOrWhiteSpace(serviceNotice) ? hint : serviceNotice.TrimEnd() + " " + hint;
    }
}
