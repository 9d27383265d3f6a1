using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Features.Requests;

namespace Open311Gateway.Api.OpenData.Exports;

/// <summary>
/// The fields an export writes for one report: exactly those <c>GET requests</c> shows with <c>extensions=true</c>
/// (the standard's fields, then <c>extended_attributes</c>: <c>detailed_status</c>, <c>media_urls</c> and, where the
/// jurisdiction publishes it, <c>external_case_id</c>), taken from the objects the API itself renders, so an export
/// cannot publish what the API does not. Notes (the status history) are not exported.
/// </summary>
public static class ExportFields
{
    public const string Latitude = "lat";
    public const string Longitude = "long";

    private static readonly string[] Standard =
    [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible",
        "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode",
        Latitude, Longitude, "media_url", "detailed_status", "media_urls",
    ];

    private static readonly string[] WithCaseId = [.. Standard, "external_case_id"];

    /// <summary>The CSV header of a jurisdiction's export, which every row of <see cref="Of"/> matches name for name.</summary>
    public static IReadOnlyList<string> Columns(Jurisdiction jurisdiction) => jurisdiction.PublicCaseId ? WithCaseId : Standard;

    /// <summary>The report's public fields in <see cref="Columns"/>' order; its service (with its jurisdiction) must be set.</summary>
    public static List<KeyValuePair<string, object?>> Of(ServiceRequest report)
    {
        var (standard, extended) = RequestDocuments.PublicFields(report);
        var fields = new List<KeyValuePair<string, object?>>(standard.Fields.Count + extended.Fields.Count);
        fields.AddRange(standard.Fields);
        fields.AddRange(extended.Fields);
        return fields;
    }
}
