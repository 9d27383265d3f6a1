using System.Globalization;
using System.Text.RegularExpressions;

namespace Open311Gateway.Api.Open311;

/// <summary>
/// Reads the W3C profile of ISO 8601 that GeoReport v2 uses for dates in queries and attributes.
/// A time without a zone is read in the jurisdiction's zone. A '+' that arrived as a space (sent
/// unencoded in a query string, as many clients do) is read as '+'.
/// </summary>
public static partial class Open311DateParser
{
    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})(?:T(?<time>\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?)(?<zone>Z|[+\- ]\d{2}:?\d{2})?)?$")]
    private static partial Regex W3cDateTime();

    public static bool TryParse(string? text, TimeZoneInfo zone, out DateTimeOffset instant)
    {
        instant = default;
        var match = W3cDateTime().Match(text?.Trim() ?? "");
        if (!match.Success) return false;

        var local = match.Groups["date"].Value + "T" + (match.Groups["time"].Success ? match.Groups["time"].Value : "00:00");
        if (!DateTime.TryParse(local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dateTime)) return false;

        if (match.Groups["zone"].Success)
        {
            var offsetText = match.Groups["zone"].Value.Replace(' ', '+');
            if (offsetText == "Z") offsetText = "+00:00";
            var sign = offsetText[0] == '-' ? -1 : 1;
            var digits = offsetText[1..].Replace(":", "");
            var hours = int.Parse(digits[..2], CultureInfo.InvariantCulture);
            var minutes = int.Parse(digits[2..], CultureInfo.InvariantCulture);
            var offset = sign * new TimeSpan(hours, minutes, 0);
            if (minutes > 59 || offset.Duration() > MaxOffset) return false;
            return TryCreate(dateTime, offset, out instant);
        }

        // A wall-clock time that the spring-forward switch skips is read as the hour after it.
        if (zone.IsInvalidTime(dateTime)) dateTime = dateTime.AddHours(1);
        return TryCreate(dateTime, zone.GetUtcOffset(dateTime), out instant);
    }

    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    // A time whose UTC instant falls outside year 1 to 9999 (0001-01-01T00:00+01:00) cannot be held: not a date we read.
    private static bool TryCreate(DateTime local, TimeSpan offset, out DateTimeOffset instant)
    {
        var utcTicks = local.Ticks - offset.Ticks;
        var representable = utcTicks >= DateTime.MinValue.Ticks && utcTicks <= DateTime.MaxValue.Ticks && offset.Seconds == 0;
        instant = representable ? new DateTimeOffset(local, offset) : default;
        return representable;
    }
}
