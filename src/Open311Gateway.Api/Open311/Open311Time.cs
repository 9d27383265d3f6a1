using System.Collections.Concurrent;
using System.Globalization;

namespace Open311Gateway.Api.Open311;

/// <summary>W3C / ISO 8601 times with the jurisdiction's offset, e.g. 2026-03-01T09:30:00+01:00.</summary>
public static class Open311Time
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Zones = new();

    public static TimeZoneInfo Zone(string timeZoneId) => Zones.GetOrAdd(timeZoneId, TimeZoneInfo.FindSystemTimeZoneById);

    public static string Format(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string? Format(DateTimeOffset? instant, TimeZoneInfo zone) => instant is { } i ? Format(i, zone) : null;
}
