using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Features.Requests.Listing;

/// <summary>
/// Applies a <see cref="RequestQuery"/> to the database query and sorts it: a sync by (public change time, id)
/// ascending, any other paged listing by id, the standard's listing newest first. Ascending keys put whatever
/// is new (a report, a change) behind the pages a client has already read.
/// </summary>
public static class RequestFilters
{
    /// <param name="changesUntil">
    /// The latest public change time a sync may show (now minus the settle time, ADR 12): a change stamped
    /// earlier whose transaction has not committed yet must not be overtaken by one the client already saw.
    /// </param>
    public static IQueryable<ServiceRequest> Apply(IQueryable<ServiceRequest> requests, RequestQuery query, DateTimeOffset changesUntil)
    {
        // The standard: service_request_id overrides every other filter.
        if (query.ServiceRequestIds.Count > 0)
            requests = requests.Where(r => query.ServiceRequestIds.Contains(r.Id));
        else
            requests = Filter(requests, query, changesUntil);
        if (query.IsChangeQuery) return requests.OrderBy(r => r.PublicChangedAt).ThenBy(r => r.Id);
        if (query.Paging is not null) return requests.OrderBy(r => r.Id);
        return requests.OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id);
    }

    private static IQueryable<ServiceRequest> Filter(IQueryable<ServiceRequest> requests, RequestQuery query, DateTimeOffset changesUntil)
    {
        // Bounds arrive in UTC, the only offset Npgsql writes to timestamptz.
        if (query.RequestedFrom is { } from) requests = requests.Where(r => r.RequestedAt >= from);
        if (query.RequestedTo is { } to) requests = requests.Where(r => r.RequestedAt <= to);
        if (query.ServiceCodes.Count > 0) requests = requests.Where(r => query.ServiceCodes.Contains(r.Service!.Code));
        if (query.Statuses.Count > 0) requests = requests.Where(r => query.Statuses.Contains(r.Status));
        if (query.IsChangeQuery)
        {
            var until = query.UpdatedBefore is { } b && b < changesUntil ? b : changesUntil;
            requests = requests.Where(r => r.PublicChangedAt <= until);
            if (query.UpdatedAfter is { } after) requests = requests.Where(r => r.PublicChangedAt > after);
        }
        if (query.Radius is { } radius)
        {
            var centre = new Point(radius.Longitude, radius.Latitude) { SRID = 4326 };
            requests = requests.Where(r => r.Location!.IsWithinDistance(centre, radius.Metres));
        }
        if (query.Box is { } box) requests = WithinBox(requests, box);
        if (query.Text is { } text)
            requests = requests.Where(r => r.SearchVector!.Matches(EF.Functions.WebSearchToTsQuery("german", text)));
        return requests;
    }

    // The covering circle lets the geography GiST index find the candidates; the ranges then decide exactly.
    private static IQueryable<ServiceRequest> WithinBox(IQueryable<ServiceRequest> requests, BoundingBox box)
    {
        var centre = new Point(box.CentreLongitude, box.CentreLatitude) { SRID = 4326 };
        var covering = box.CoveringRadiusMetres();
        var (minLon, minLat, maxLon, maxLat) = (box.MinLongitude, box.MinLatitude, box.MaxLongitude, box.MaxLatitude);
        return requests.Where(r => r.Location!.IsWithinDistance(centre, covering)
            && GeographyFunctions.Longitude(r.Location) >= minLon && GeographyFunctions.Longitude(r.Location) <= maxLon
            && GeographyFunctions.Latitude(r.Location) >= minLat && GeographyFunctions.Latitude(r.Location) <= maxLat);
    }
}
