using System.Globalization;
using System.Xml.Linq;

namespace Open311Gateway.IntegrationTests.Adapters.Open311;

/// <summary>A report as <see cref="TokenOnlyUpstream"/> stored it.</summary>
public sealed class StoredRequest
{
    public required string Id { get; init; }
    public required string Token { get; init; }
    public required string ServiceCode { get; init; }
    public string? Description { get; init; }
    public required IReadOnlyDictionary<string, string?[]> Form { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
    public DateTimeOffset ResolvesAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string Status { get; set; } = "open";
    public string? DetailedStatus { get; set; }
    public string? Notes { get; set; }

    public bool IsResolved => DateTimeOffset.UtcNow >= ResolvesAt;

    public XElement ToXml() => new("request",
        new XElement("service_request_id", Id),
        new XElement("status", Status),
        Notes is null ? null : new XElement("status_notes", Notes),
        new XElement("service_code", ServiceCode),
        new XElement("description", Description),
        new XElement("agency_responsible", "Stadtreinigung"),
        new XElement("requested_datetime", W3c(RequestedAt)),
        new XElement("updated_datetime", W3c(UpdatedAt)),
        DetailedStatus is null ? null : new XElement("extended_attributes", new XElement("detailed_status", DetailedStatus)));

    private static string W3c(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
