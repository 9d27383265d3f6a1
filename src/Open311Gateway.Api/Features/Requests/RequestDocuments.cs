using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Features.Requests.Listing;
using Open311Gateway.Api.Open311;

namespace Open311Gateway.Api.Features.Requests;

/// <summary>
/// Shapes stored requests as GeoReport v2 answers. Personal data (email, phone, names, device and
/// account ids) is for the municipality only: it is never read here, so no GET can publish it.
/// </summary>
public static class RequestDocuments
{
    /// <param name="notes">With <c>extensions=true</c>: each request's public status history; null: the standard's fields only.</param>
    public static Open311Document List(IEnumerable<ServiceRequest> requests, ILookup<long, PublicNote>? notes = null) =>
        Open311Document.List("service_requests", "request", requests.Select(r => (object?)PublicView(r, notes)));

    private static Open311Object PublicView(ServiceRequest request, ILookup<long, PublicNote>? notes)
    {
        var zone = Open311Time.Zone(request.Service!.Jurisdiction!.TimeZone);
        var view = StandardView(request, zone);
        return notes is null ? view : view
            .Add("extended_attributes", ExtendedAttributes(request))
            .Add("notes", new Open311List("note", notes[request.Id].Select(n => (object?)Note(n, zone)).ToList()));
    }

    /// <summary>
    /// A public report's standard fields and its <c>extended_attributes</c>, as <c>GET requests</c> shows them: the open-data
    /// exports write these same objects, so an export cannot show a field (or a value) the API does not.
    /// </summary>
    public static (Open311Object Standard, Open311Object Extended) PublicFields(ServiceRequest request) =>
        (StandardView(request, Open311Time.Zone(request.Service!.Jurisdiction!.TimeZone)), ExtendedAttributes(request));

    // Klarschiff's CitySDK names: detailed_status is our extended status, media_urls every photo, not only the first.
    private static Open311Object ExtendedAttributes(ServiceRequest request)
    {
        var attributes = new Open311Object()
            .Add("detailed_status", request.ExtendedStatus)
            .Add("media_urls", new Open311List("media_url", request.MediaUrls.Select(u => (object?)u).ToList()));
        return request.Service!.Jurisdiction!.PublicCaseId ? attributes.Add("external_case_id", request.ExternalCaseId) : attributes;
    }

    private static Open311Object Note(PublicNote note, TimeZoneInfo zone) => new Open311Object()
        .Add("update_id", note.UpdateId.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Add("datetime", Open311Time.Format(note.UpdatedAt, zone))
        .Add("status", note.Status)
        .Add("description", note.Description);

    private static Open311Object StandardView(ServiceRequest request, TimeZoneInfo zone)
    {
        return new Open311Object()
            .Add("service_request_id", request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Add("status", request.Status)
            .Add("status_notes", request.StatusNotes)
            .Add("service_name", request.Service!.Name)
            .Add("service_code", request.Service!.Code)
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

    /// <summary>
    /// The POST answer: an id for realtime services, a token for batch ones, neither for blackbox. A service_notice
    /// or account_id without a value is left out (no JSON null, no empty element): the standard's answer schema
    /// wants a string where the field appears, and clients that validate against it refuse a null.
    /// </summary>
    public static Open311Document Accepted(ServiceRequest request, string serviceType)
    {
        var answer = new Open311Object();
        if (serviceType == ServiceTypes.Realtime)
            answer.Add("service_request_id", request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        else if (serviceType == ServiceTypes.Batch)
            answer.Add("token", request.Token);
        answer.AddIfNotNull("service_notice", request.ServiceNotice).AddIfNotNull("account_id", request.AccountId);
        return Open311Document.List("service_requests", "request", [answer]);
    }

    public static Open311Document Token(ServiceRequest request) => Open311Document.List("service_requests", "request",
    [
        new Open311Object()
            .Add("service_request_id", request.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Add("token", request.Token),
    ]);
}
