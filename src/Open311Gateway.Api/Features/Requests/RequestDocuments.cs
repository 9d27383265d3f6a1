using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Open311;

namespace Open311Gateway.Api.Features.Requests;

/// <summary>
/// Shapes stored requests as GeoReport v2 answers. Personal data (email, phone, names, device and
/// account ids) is for the municipality only: it is never read here, so no GET can publish it.
/// </summary>
public static class RequestDocuments
{
    public static Open311Document List(IEnumerable<ServiceRequest> requests) =>
        Open311Document.List("service_requests", "request", requests.Select(r => (object?)PublicView(r)));

    private static Open311Object PublicView(ServiceRequest request)
    {
        var zone = Open311Time.Zone(request.Service!.Jurisdiction!.TimeZone);
        return new Open311Object()
            .Add("service_request_id", request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Add("status", request.Status)
            .Add("status_notes", request.StatusNotes)
            .Add("service_name", request.Service.Name)
            .Add("service_code", request.Service.Code)
            .Add("description", request.Description)
            .Add("agency_responsible", request.AgencyResponsible)
            .Add("service_notice", request.ServiceNotice)
            .Add("requested_datetime", Open311Time.Format(request.RequestedAt, zone))
            .Add("updated_datetime", Open311Time.Format(request.UpdatedAt, zone))
            .Add("expected_datetime", Open311Time.Format(request.ExpectedAt, zone))
            .Add("address", request.AddressString)
            .Add("address_id", request.AddressId)
            .Add("zipcode", request.Zipcode)
            .Add("lat", request.Location?.Y)
            .Add("long", request.Location?.X)
            .Add("media_url", request.MediaUrls.FirstOrDefault());
    }

    /// <summary>The POST answer: an id for realtime services, a token for batch ones, neither for blackbox.</summary>
    public static Open311Document Accepted(ServiceRequest request, string serviceType)
    {
        var answer = new Open311Object();
        if (serviceType == ServiceTypes.Realtime)
            answer.Add("service_request_id", request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        else if (serviceType == ServiceTypes.Batch)
            answer.Add("token", request.Token);
        answer.Add("service_notice", request.ServiceNotice).AddIfNotNull("account_id", request.AccountId);
        return Open311Document.List("service_requests", "request", [answer]);
    }

    public static Open311Document Token(ServiceRequest request) => Open311Document.List("service_requests", "request",
    [
        new Open311Object()
            .Add("service_request_id", request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Add("token", request.Token),
    ]);
}
