using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Features.Requests;

/// <summary>
/// Which reports the public may see, written once for every public answer (requests, servicerequestupdates).
/// Blackbox reports are accepted and forwarded, but never tracked publicly.
/// </summary>
public static class PublicReports
{
    public static IQueryable<ServiceRequest> VisibleToPublic(this IQueryable<ServiceRequest> requests) =>
        requests.Where(r => r.Service!.Type != ServiceTypes.Blackbox);
}
