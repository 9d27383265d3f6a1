using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Features.Requests.Listing;

/// <summary>
/// Applies a <see cref="RequestQuery"/>'s filters to the database query, and sorts listings that are not syncs: a
/// paged listing by id (what is new comes last), the standard's listing newest first. Syncs are filtered and sorted
/// by their change time in <see cref="ChangeOrder"/>.
/// </summary>
public static class RequestFilters
{
    public static IQueryable<ServiceRequest> Filter(IQueryable<ServiceRequest> requests, RequestQuery query)
    {
        // The standard: service_request_id overrides every other filter.
        if (query.ServiceRequestIds.Count > 0) return requests.Where(r => query.ServiceRequestIds.Contains(r.Id));

        // Bounds arrive in UTC, the only offset Npgsql writes to timestamptz.
        if (query.RequestedFrom is { } from) requests = requests.Where(r => r.RequestedAt >= from);
        if (query.RequestedTo is { } to) requests = requests.Where(r => r.RequestedAt <= to);
        if (query.ServiceCodes.Count > 0) requests = requests.Where(r => query.ServiceCodes.Contains(r.Service!.Code));
        if (query.Statuses.Count > 0) requests = requests.Where(r => query.Statuses.Contains(r.Status));
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

    public static IQueryable<ServiceRequest> Sort(IQueryable<ServiceRequest> requests, RequestQuery query) => query.Paging is not null
        ? requests.OrderBy(r => r.Id)
        : requests.OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id);

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
