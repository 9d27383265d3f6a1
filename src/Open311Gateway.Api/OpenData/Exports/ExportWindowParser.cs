using Open311Gateway.Api.Open311;
using Open311Gateway.Api.Submissions;

namespace Open311Gateway.Api.OpenData.Exports;

/// <summary>
/// Reads an export's window from its query: W3C date-times as in <c>GET requests</c> (a time without offset in the
/// jurisdiction's zone), an empty value counts as absent. Unlike <c>GET requests</c> there is no default window and no
/// 90-day limit. Every problem is reported at once; other parameters are ignored (harvesters add cache busters).
/// </summary>
public static class ExportWindowParser
{
    public static (ExportWindow? Window, List<string> Errors) Parse(IQueryCollection query, TimeZoneInfo zone)
    {
        var errors = new List<string>();
        var from = Date(query, "start_date", zone, errors);
        var to = Date(query, "end_date", zone, errors);
        var after = Date(query, "updated_after", zone, errors);
        var before = Date(query, "updated_before", zone, errors);
        if (from is { } f && to is { } t && t < f) errors.Add("end_date is before start_date.");
        if (after is { } a && before is { } b && b < a) errors.Add("updated_before is before updated_after.");
        return errors.Count > 0 ? (null, errors) : (new ExportWindow(from, to, after, before), errors);
    }

    private static DateTimeOffset? Date(IQueryCollection query, string name, TimeZoneInfo zone, List<string> errors)
    {
        var text = query[name].LastOrDefault(v => !string.IsNullOrWhiteSpace(v));
        if (text is null) return null;
        // Npgsql writes timestamptz parameters only from offset 0.
        if (Open311DateParser.TryParse(text, zone, out var instant)) return instant.ToUniversalTime();
        errors.Add($"{name} '{TextRules.Shorten(text)}' is not a W3C date-time such as 2026-03-01T09:30:00+01:00.");
        return null;
    }
}
