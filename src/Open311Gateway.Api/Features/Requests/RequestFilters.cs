using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Features.Requests;

/// <summary>Applies a <see cref="RequestQuery"/> to the database query, newest first.</summary>
public static class RequestFilters
{
    public static IQueryable<ServiceRequest> Apply(IQueryable<ServiceRequest> requests, RequestQuery query)
    {
        // The standard: service_request_id overrides every other filter.
        if (query.ServiceRequestIds.Count > 0)
            requests = requests.Where(r => query.ServiceRequestIds.Contains(r.Id));
        else
        {
            // Npgsql writes only UTC DateTimeOffsets to timestamptz; the client's offset (or Berlin's) would throw.
            var (start, end) = (query.Start.ToUniversalTime(), query.End.ToUniversalTime());
            requests = requests.Where(r => r.RequestedAt >= start && r.RequestedAt <= end);
            if (query.ServiceCodes.Count > 0) requests = requests.Where(r => query.ServiceCodes.Contains(r.Service!.Code));
            if (query.Statuses.Count > 0) requests = requests.Where(r => query.Statuses.Contains(r.Status));
        }
        return requests.OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id);
    }
}
