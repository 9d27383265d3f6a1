using System.Collections.Concurrent;
using System.Globalization;

namespace Open311Gateway.Api.Open311;

/// <summary>W3C / ISO 8601 times with the jurisdiction's offset, e.g. 2026-03-01T09:30:00+01:00.</summary>
public static class Open311Time
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Zones = new();

    public static TimeZoneInfo Zone(string timeZoneId) => Zones.GetOrAdd(timeZoneId, TimeZoneInfo.FindSystemTimeZoneById);

    // Written by hand rather than with a custom format string: lists write three times per report, and parsing
    // "yyyy-MM-dd'T'HH:mm:sszzz" on every call was a visible share of a 100-report answer (ADR 22). Same text.
    public static string Format(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        Span<char> text = stackalloc char[25];
        local.DateTime.TryFormat(text, out var written, "s", CultureInfo.InvariantCulture);
        var offset = local.Offset;
        text[written++] = offset < TimeSpan.Zero ? '-' : '+';
        var minutes = Math.Abs((int)offset.TotalMinutes);
        (minutes / 60).TryFormat(text[written..], out var hours, "00", CultureInfo.InvariantCulture);
        written += hours;
        text[written++] = ':';
        (minutes % 60).TryFormat(text[written..], out var rest, "00", CultureInfo.InvariantCulture);
        return new string(text[..(written + rest)]);
    }

    public static string? Format(DateTimeOffset? instant, TimeZoneInfo zone) => instant is { } i ? Format(i, zone) : null;
}
