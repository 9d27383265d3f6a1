using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Features.Requests.Listing;

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
            // Open311DateWindow already hands the bounds over in UTC, the only offset Npgsql writes to timestamptz.
            requests = requests.Where(r => r.RequestedAt >= query.Start && r.RequestedAt <= query.End);
            if (query.ServiceCodes.Count > 0) requests = requests.Where(r => query.ServiceCodes.Contains(r.Service!.Code));
            if (query.Statuses.Count > 0) requests = requests.Where(r => query.Statuses.Contains(r.Status));
        }
        return requests.OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id);
    }
}
