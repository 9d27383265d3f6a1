using System.Globalization;

namespace Open311Gateway.Worker.Adapters.Open311;

/// <summary>W3C date-times as GeoReport v2 writes them: whole seconds with the offset, in the jurisdiction's zone.</summary>
public static class Open311Times
{
    public static string Format(DateTimeOffset value, string? timeZone) =>
        InZone(value, timeZone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>An upstream's date-time; one written without an offset is taken as the jurisdiction's local time.</summary>
    public static bool TryParse(string? text, string? timeZone, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        const DateTimeStyles styles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.RoundtripKind;
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, styles, out var parsed)) return false;
        if (parsed.Kind != DateTimeKind.Unspecified)
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out value);
        value = new DateTimeOffset(parsed, Zone(timeZone)?.GetUtcOffset(parsed) ?? TimeSpan.Zero);
        return true;
    }

    private static DateTimeOffset InZone(DateTimeOffset value, string? timeZone) =>
        Zone(timeZone) is { } zone ? TimeZoneInfo.ConvertTime(value, zone) : value;

    // An unknown zone never stops a delivery: the time is then written as the message holds it.
    private static TimeZoneInfo? Zone(string? timeZone) =>
        timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : null;
}
