using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Open311Gateway.Contracts;

namespace Open311Gateway.Worker.Adapters.Webhook;

/// <summary>
/// Our messages as the JSON documents of specs/webhook.md. Written by hand rather than serialised, so the field
/// names and order are exactly the documented ones and absent values appear as null, never missing.
/// </summary>
public static class WebhookMapping
{
    // Umlauts, "+" in offsets and phone numbers stay as they are instead of \u escapes. "Relaxed" only matters
    // when JSON is pasted into HTML; this body is served as application/json and never embedded.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] ServiceRequest(ServiceRequestSubmitted m, DateTimeOffset sentAt) => Write(w =>
    {
        w.WriteString("type", "service_request");
        w.WriteString("service_request_id", m.ServiceRequestId);
        w.WriteString("token", m.Token);
        w.WriteString("jurisdiction_id", m.JurisdictionId);
        w.WriteString("service_code", m.Route.ExternalServiceCode ?? m.ServiceCode);
        w.WriteString("open311_service_code", m.ServiceCode);
        w.WriteString("service_name", m.ServiceName);
        w.WriteString("requested_datetime", Timestamp(m.RequestedAt, m.Route.TimeZone));
        w.WriteString("description", m.Description);
        WriteNumberOrNull(w, "lat", m.Latitude);
        WriteNumberOrNull(w, "long", m.Longitude);
        // Beside WGS 84, the same point in the jurisdiction's projected CRS (catalogue key crs), for GIS-based back offices.
        w.WriteStartObject("projected");
        w.WriteString("crs", m.ProjectedCrs);
        WriteNumberOrNull(w, "easting", m.Easting);
        WriteNumberOrNull(w, "northing", m.Northing);
        w.WriteEndObject();
        w.WriteString("address_string", m.AddressString);
        w.WriteString("address_id", m.AddressId);
        w.WriteStartArray("media_urls");
        foreach (var url in m.MediaUrls) w.WriteStringValue(url);
        w.WriteEndArray();
        w.WriteStartObject("attributes");
        foreach (var (code, values) in m.Attributes)
        {
            w.WriteStartArray(code);
            foreach (var value in values) w.WriteStringValue(value);
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.WriteStartObject("contact");
        w.WriteString("email", m.Email);
        w.WriteString("phone", m.Phone);
        w.WriteString("first_name", m.FirstName);
        w.WriteString("last_name", m.LastName);
        w.WriteEndObject();
        w.WriteString("device_id", m.DeviceId);
        w.WriteString("account_id", m.AccountId);
        w.WriteNumber("attempt", m.Attempt);
        w.WriteString("sent_at", Timestamp(sentAt, null));
    });

    public static byte[] CitizenUpdate(CitizenUpdateSubmitted m, DateTimeOffset sentAt) => Write(w =>
    {
        w.WriteString("type", "citizen_update");
        w.WriteString("update_id", m.UpdateId);
        w.WriteString("service_request_id", m.ServiceRequestId);
        w.WriteString("external_case_id", m.ExternalCaseId);
        w.WriteString("status", m.Status);
        w.WriteString("description", m.Description);
        w.WriteString("media_url", m.MediaUrl);
        w.WriteString("submitted_datetime", Timestamp(m.SubmittedAt, m.Route.TimeZone));
        w.WriteStartObject("contact");
        w.WriteString("email", m.Email);
        w.WriteString("first_name", m.FirstName);
        w.WriteString("last_name", m.LastName);
        w.WriteEndObject();
        w.WriteString("account_id", m.AccountId);
        w.WriteNumber("attempt", m.Attempt);
        w.WriteString("sent_at", Timestamp(sentAt, null));
    });

    // Whole seconds with the offset, as GeoReport v2 writes dates: strict parsers on the other side choke on fractions.
    // In the jurisdiction's zone, as its back office thinks of time; an unknown zone never stops a delivery.
    private static string Timestamp(DateTimeOffset value, string? timeZone)
    {
        if (timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone))
            value = TimeZoneInfo.ConvertTime(value, zone);
        return value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    private static void WriteNumberOrNull(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } number) w.WriteNumber(name, number);
        else w.WriteNull(name);
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
