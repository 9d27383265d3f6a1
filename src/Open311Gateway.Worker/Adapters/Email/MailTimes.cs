using System.Globalization;

namespace Open311Gateway.Worker.Adapters.Email;

/// <summary>Times as a clerk reads them: in the jurisdiction's zone, with the zone and its offset named.</summary>
public static class MailTimes
{
    public static string Format(DateTimeOffset value, string? timeZone, EmailTexts texts)
    {
        // An unknown zone never stops a delivery: the time is shown with the offset it came with.
        TimeZoneInfo? zone = null;
        if (timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found)) zone = found;
        if (zone is not null) value = TimeZoneInfo.ConvertTime(value, zone);
        var offset = (value.Offset < TimeSpan.Zero ? "-" : "+") + value.Offset.ToString("hh\\:mm", CultureInfo.InvariantCulture);
        var local = value.ToString(texts.DateTimeFormat, CultureInfo.InvariantCulture);
        return zone is not null ? $"{local} ({timeZone}, UTC{offset})" : $"{local} (UTC{offset})";
    }
}
