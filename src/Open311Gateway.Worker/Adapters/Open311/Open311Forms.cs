using System.Globalization;
using Open311Gateway.Contracts;

namespace Open311Gateway.Worker.Adapters.Open311;

/// <summary>
/// Our messages as the form fields of GeoReport v2's <c>POST requests</c> and FixMyStreet's <c>POST servicerequestupdates</c>.
/// Absent values are left out rather than sent empty; attribute codes are mapped through the route (catalogue's
/// <c>external_attributes:</c>).
/// </summary>
public static class Open311Forms
{
    public static IReadOnlyList<KeyValuePair<string, string>> ServiceRequest(
        ServiceRequestSubmitted m, string apiKey, UpstreamEndpoint upstream, string marker)
    {
        var fields = new List<KeyValuePair<string, string>>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value)) fields.Add(new(name, value));
        }

        Add("api_key", apiKey);
        Add("jurisdiction_id", upstream.JurisdictionId);
        Add("service_code", m.Route.ExternalServiceCode ?? m.ServiceCode);
        // Every location we have: the standard wants one, and an address helps the clerk beside the coordinates.
        if (m.Latitude is { } lat && m.Longitude is { } lon)
        {
            Add("lat", lat.ToString("R", CultureInfo.InvariantCulture));
            Add("long", lon.ToString("R", CultureInfo.InvariantCulture));
        }
        Add("address_string", m.AddressString);
        Add("address_id", m.AddressId);
        Add("description", Open311Marker.Describe(m.Description, marker));
        Add("email", m.Email);
        Add("first_name", m.FirstName);
        Add("last_name", m.LastName);
        Add("phone", m.Phone);
        Add("device_id", m.DeviceId);
        Add("account_id", m.AccountId);
        // The standard has room for one photo.
        Add("media_url", m.MediaUrls.FirstOrDefault());
        foreach (var (code, values) in m.Attributes)
        {
            var theirs = AttributeCode(m.Route, code);
            var given = values.Where(v => !string.IsNullOrEmpty(v)).ToList();
            if (given.Count == 1) Add($"attribute[{theirs}]", given[0]);
            else foreach (var value in given) Add($"attribute[{theirs}][]", value);
        }
        return fields;
    }

    public static IReadOnlyList<KeyValuePair<string, string>> CitizenUpdate(
        CitizenUpdateSubmitted m, string apiKey, UpstreamEndpoint upstream, string upstreamRequestId)
    {
        var fields = new List<KeyValuePair<string, string>>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value)) fields.Add(new(name, value));
        }

        Add("api_key", apiKey);
        Add("jurisdiction_id", upstream.JurisdictionId);
        Add("service_request_id", upstreamRequestId);
        // Ours, stable across attempts: an upstream that keeps update ids per sender (as FixMyStreet's extension says) records a repeat once.
        Add("update_id", m.UpdateId);
        Add("status", m.Status);
        Add("description", m.Description);
        Add("media_url", m.MediaUrl);
        Add("email", m.Email);
        Add("first_name", m.FirstName);
        Add("last_name", m.LastName);
        Add("account_id", m.AccountId);
        Add("updated_datetime", Open311Times.Format(m.SubmittedAt, m.Route.TimeZone));
        return fields;
    }

    private static string AttributeCode(DeliveryRoute route, string ours) =>
        route.AttributeCodes?.FirstOrDefault(a => string.Equals(a.Key, ours, StringComparison.Ordinal)).Value is { Length: > 0 } theirs ? theirs : ours;
}
