using System.Globalization;
using System.Text;
using Open311Gateway.Contracts;

namespace Open311Gateway.Worker.Adapters.Redmine;

/// <summary>
/// The words a clerk reads in Redmine: an issue's subject and description, and the note a citizen's follow-up becomes.
/// Plain paragraphs and "* " lists only, which Textile and Markdown (Redmine's text formats) both render the same way.
/// German, as the municipalities' clerks read it. The description holds the contact data: the municipality's own
/// case system is where the personal data of a report belongs.
/// </summary>
public static class RedmineIssueText
{
    /// <summary>Redmine's subject column holds 255 characters.</summary>
    public const int MaxSubjectLength = 255;

    /// <summary>Starts every note the adapter writes; a poll does not hand such a note back as the back office's word.</summary>
    public const string FollowUpPrefix = "Nachtrag über Open311 ";

    /// <summary>What a note of this follow-up starts with: the adapter finds an earlier copy of it by this.</summary>
    public static string FollowUpHeading(CitizenUpdateSubmitted m) =>
        $"{FollowUpPrefix}Nr. {m.UpdateId} zu Meldung {RedmineOurId.Format(m.Route.JurisdictionId, m.ServiceRequestId)}:";

    public static string Subject(ServiceRequestSubmitted m)
    {
        var detail = Present(m.AddressString)
            ?? FirstLine(m.Description)
            ?? (m is { Latitude: { } lat, Longitude: { } lon } ? $"{Number(lat)}, {Number(lon)}" : null);
        var subject = detail is null ? m.ServiceName : $"{m.ServiceName}: {detail}";
        return Shorten(subject, MaxSubjectLength);
    }

    public static string Description(ServiceRequestSubmitted m)
    {
        var text = new StringBuilder();
        if (Present(m.Description) is { } description) Paragraph(text, description);

        var place = new List<string>();
        if (Present(m.AddressString) is { } address) place.Add("Adresse: " + address);
        if (Present(m.AddressId) is { } addressId) place.Add("Adress-ID: " + addressId);
        if (m is { Latitude: { } lat, Longitude: { } lon })
        {
            place.Add($"Koordinaten: {Number(lat)}, {Number(lon)}");
            if (m is { ProjectedCrs: { } crs, Easting: { } easting, Northing: { } northing })
                place.Add($"Ostwert, Nordwert ({crs}): {Metres(easting)}, {Metres(northing)}");
            place.Add("Karte: " + MapLink(lat, lon));
        }
        List(text, "Ort", place);

        List(text, "Angaben", m.Attributes.Select(a => $"{AttributeCode(m.Route, a.Key)}: {string.Join(", ", a.Value)}"));
        List(text, "Fotos", m.MediaUrls.Where(u => !string.IsNullOrWhiteSpace(u)));

        var contact = new List<string>();
        if (Name(m.FirstName, m.LastName) is { } name) contact.Add("Name: " + name);
        if (Present(m.Email) is { } email) contact.Add("E-Mail: " + email);
        if (Present(m.Phone) is { } phone) contact.Add("Telefon: " + phone);
        List(text, "Kontakt", contact);

        var origin = new List<string>
        {
            "Meldung: " + RedmineOurId.Format(m.JurisdictionId, m.ServiceRequestId),
            "Eingegangen: " + Timestamp(m.RequestedAt, m.Route.TimeZone),
            "Dienst: " + Service(m),
        };
        if (Present(m.DeviceId) is { } device) origin.Add("Gerät: " + device);
        if (Present(m.AccountId) is { } account) origin.Add("Konto: " + account);
        List(text, "Open311", origin);
        return text.ToString().TrimEnd() + "\n";
    }

    /// <summary>
    /// The note for a citizen's follow-up. A requested status (REOPEN, say) is named, not applied: what happens to the
    /// case is the clerk's decision.
    /// </summary>
    public static string FollowUpNote(CitizenUpdateSubmitted m)
    {
        var text = new StringBuilder();
        Paragraph(text, FollowUpHeading(m));
        if (Present(m.Description) is { } description) Paragraph(text, description);
        var facts = new List<string>();
        if (Present(m.Status) is { } status) facts.Add($"Gewünschter Status: {status} (in Redmine nicht geändert; bitte prüfen)");
        if (Present(m.MediaUrl) is { } media) facts.Add("Foto: " + media);
        if (Name(m.FirstName, m.LastName) is { } name) facts.Add("Name: " + name);
        if (Present(m.Email) is { } email) facts.Add("E-Mail: " + email);
        facts.Add("Eingegangen: " + Timestamp(m.SubmittedAt, m.Route.TimeZone));
        List(text, null, facts);
        return text.ToString().TrimEnd() + "\n";
    }

    public static string MapLink(double latitude, double longitude) =>
        $"https://www.openstreetmap.org/?mlat={Number(latitude)}&mlon={Number(longitude)}#map=18/{Number(latitude)}/{Number(longitude)}";

    public static string Number(double value) => value.ToString("0.0#####", CultureInfo.InvariantCulture);

    /// <summary>Easting or northing to the centimetre, as GIS tools take them.</summary>
    public static string Metres(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static void Paragraph(StringBuilder text, string paragraph) => text.Append(paragraph.Trim()).Append("\n\n");

    // A heading paragraph, then the list after a blank line: Textile starts a list only at a block's beginning.
    private static void List(StringBuilder text, string? heading, IEnumerable<string> items)
    {
        var lines = items.Select(i => "* " + OneLine(i)).ToList();
        if (lines.Count == 0) return;
        if (heading is not null) text.Append(heading).Append(":\n\n");
        foreach (var line in lines) text.Append(line).Append('\n');
        text.Append('\n');
    }

    private static string Service(ServiceRequestSubmitted m)
    {
        var code = m.Route.ExternalServiceCode is { } external && external != m.ServiceCode ? $"{m.ServiceCode} ({external})" : m.ServiceCode;
        return $"{m.ServiceName} [{code}]";
    }

    private static string AttributeCode(DeliveryRoute route, string code) =>
        route.AttributeCodes is { } codes && codes.TryGetValue(code, out var theirs) && !string.IsNullOrWhiteSpace(theirs) ? theirs : code;

    private static string Timestamp(DateTimeOffset value, string? timeZone)
    {
        if (timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone))
            value = TimeZoneInfo.ConvertTime(value, zone);
        return value.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
    }

    private static string? Name(string? first, string? last) =>
        Present(string.Join(" ", new[] { first, last }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim())));

    private static string? FirstLine(string? text) =>
        Present(text) is { } present ? Shorten(OneLine(present.Split('\n')[0]), 80) : null;

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string? Present(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
