using System.Globalization;
using Open311Gateway.Contracts;

namespace Open311Gateway.Worker.Adapters.Email;

/// <summary>What the mail of a new report says: every field of the report, in the route's language.</summary>
public static class ReportMail
{
    public static MailDocument Document(ServiceRequestSubmitted m, EmailTexts texts) => new(
        texts.Language,
        Subject(texts, m.ServiceName, m.ServiceRequestId),
        Format(texts.ReportTitle, m.ServiceRequestId, m.ServiceName),
        [
            new(texts.ReportSection, Report(m, texts)),
            new(texts.LocationSection, Location(m, texts)),
            new(texts.AttributesSection, m.Attributes.Select(a => new MailLine(AttributeLabel(m.Route, a.Key), string.Join(", ", a.Value))).ToList()),
            new(texts.MediaSection, m.MediaUrls.Select((url, i) => new MailLine(Format(texts.MediaItem, i + 1), url, url)).ToList()),
            new(texts.ContactSection, Contact(m, texts)),
            new(texts.StatusLinksSection, StatusLinks(m, texts)),
            new(texts.TechnicalSection, Technical(m, texts)),
        ],
        texts.Footer);

    /// <summary>The report's subject; a follow-up's is the same with the reply prefix, so clients that thread by subject agree.</summary>
    public static string Subject(EmailTexts texts, string? serviceName, string serviceRequestId) =>
        OneLine(Format(texts.Subject, string.IsNullOrWhiteSpace(serviceName) ? texts.ReportSection : serviceName, serviceRequestId));

    public static string Format(string template, params object[] values) => string.Format(CultureInfo.InvariantCulture, template, values);

    /// <summary>Coordinates as written in the mail and the OpenStreetMap link that shows them.</summary>
    public static (string Text, string MapUrl) Coordinates(double latitude, double longitude)
    {
        var lat = latitude.ToString("0.######", CultureInfo.InvariantCulture);
        var lon = longitude.ToString("0.######", CultureInfo.InvariantCulture);
        return ($"{lat}, {lon}", $"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}");
    }

    /// <summary>Easting and northing to the centimetre, as a clerk types them into a GIS; null without them.</summary>
    public static string? GridCoordinates(ServiceRequestSubmitted m) =>
        m is { ProjectedCrs: not null, Easting: { } easting, Northing: { } northing }
            ? string.Create(CultureInfo.InvariantCulture, $"{easting:0.00}, {northing:0.00}")
            : null;

    private static List<MailLine> Report(ServiceRequestSubmitted m, EmailTexts texts)
    {
        var lines = new List<MailLine> { new(texts.Service, $"{m.ServiceName} ({m.ServiceCode})") };
        if (m.Route.ExternalServiceCode is { } external && external != m.ServiceCode) lines.Add(new(texts.ExternalServiceCode, external));
        lines.Add(new(texts.RequestedAt, MailTimes.Format(m.RequestedAt, m.Route.TimeZone, texts)));
        lines.Add(new(texts.Description, string.IsNullOrWhiteSpace(m.Description) ? texts.NoDescription : m.Description, Block: true));
        return lines;
    }

    private static List<MailLine> Location(ServiceRequestSubmitted m, EmailTexts texts)
    {
        var lines = new List<MailLine>();
        if (!string.IsNullOrWhiteSpace(m.AddressString)) lines.Add(new(texts.Address, m.AddressString));
        if (!string.IsNullOrWhiteSpace(m.AddressId)) lines.Add(new(texts.AddressId, m.AddressId));
        if (m is { Latitude: { } lat, Longitude: { } lon })
        {
            var (text, map) = Coordinates(lat, lon);
            lines.Add(new(texts.Coordinates, text));
            if (GridCoordinates(m) is { } grid) lines.Add(new(string.Format(CultureInfo.InvariantCulture, texts.GridCoordinates, m.ProjectedCrs), grid));
            lines.Add(new(texts.Map, "OpenStreetMap", map));
        }
        return lines;
    }

    // Our code, and the back office's where the catalogue maps it: the clerk may know either.
    private static string AttributeLabel(DeliveryRoute route, string code) =>
        route.AttributeCodes?.GetValueOrDefault(code) is { } theirs && theirs != code ? $"{code} ({theirs})" : code;

    private static List<MailLine> Contact(ServiceRequestSubmitted m, EmailTexts texts) =>
        ContactLines(texts, m.FirstName, m.LastName, m.Email, m.Phone);

    public static List<MailLine> ContactLines(EmailTexts texts, string? firstName, string? lastName, string? email, string? phone)
    {
        var lines = new List<MailLine>();
        var name = string.Join(" ", new[] { firstName, lastName }.Where(n => !string.IsNullOrWhiteSpace(n)));
        if (name.Length > 0) lines.Add(new(texts.Name, name));
        // Plain text, not mailto: links: answering the citizen is the municipality's decision, not a click in passing.
        if (!string.IsNullOrWhiteSpace(email)) lines.Add(new(texts.Email, email));
        if (!string.IsNullOrWhiteSpace(phone)) lines.Add(new(texts.Phone, phone));
        if (lines.Count == 0) lines.Add(new(null, texts.NoContact));
        return lines;
    }

    private static List<MailLine> StatusLinks(ServiceRequestSubmitted m, EmailTexts texts)
    {
        if (m.StatusLinks is not { Count: > 0 } links) return [new(null, texts.NoStatusLinks)];
        var lines = links.Select(l => new MailLine(l.Label, l.Url, l.Url)).ToList();
        lines.Add(new(null, Format(texts.StatusLinksHint, MailTimes.Format(links.Min(l => l.ExpiresAt), m.Route.TimeZone, texts))));
        return lines;
    }

    private static List<MailLine> Technical(ServiceRequestSubmitted m, EmailTexts texts)
    {
        var lines = new List<MailLine> { new(texts.ReportId, m.ServiceRequestId) };
        if (m.Token is { Length: > 0 } token) lines.Add(new(texts.Token, token));
        lines.Add(new(texts.Jurisdiction, m.JurisdictionId));
        if (m.DeviceId is { Length: > 0 } device) lines.Add(new(texts.DeviceId, device));
        if (m.AccountId is { Length: > 0 } account) lines.Add(new(texts.AccountId, account));
        return lines;
    }

    private static string OneLine(string text) => new(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
}
