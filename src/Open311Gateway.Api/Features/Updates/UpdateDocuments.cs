using System.Globalization;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Open311;

namespace Open311Gateway.Api.Features.Updates;

/// <summary>
/// Shapes updates as FixMyStreet's <c>service_request_updates</c>. Only back offices' updates are ever
/// listed, and the sender's personal data is never read here.
/// </summary>
public static class UpdateDocuments
{
    public static Open311Document List(IEnumerable<RequestUpdate> updates, TimeZoneInfo zone) =>
        Open311Document.List("service_request_updates", "request_update", updates.Select(u => (object?)PublicView(u, zone)));

    /// <summary>The POST answer: our id for the follow-up, nothing else.</summary>
    public static Open311Document Accepted(RequestUpdate update) =>
        Open311Document.List("service_request_updates", "request_update", [new Open311Object().Add("update_id", Id(update.Id))]);

    private static Open311Object PublicView(RequestUpdate update, TimeZoneInfo zone) => new Open311Object()
        .Add("update_id", Id(update.Id))
        .Add("service_request_id", Id(update.ServiceRequestId))
        .Add("status", update.Status)
        .Add("updated_datetime", Open311Time.Format(update.UpdatedAt, zone))
        .Add("description", update.Description)
        .Add("media_url", update.MediaUrl);

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
