namespace Open311Gateway.Api.Open311;

/// <summary>
/// The <c>start_date</c>/<c>end_date</c> window of GeoReport v2 list queries: W3C date-times, at most
/// 90 days apart; one bound alone spans 90 days from it, neither means the last 90 days.
/// </summary>
public static class Open311DateWindow
{
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(90);

    /// <summary>The window, or null after adding every problem to <paramref name="errors"/>.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End)? Parse(IQueryCollection query, TimeZoneInfo zone, DateTimeOffset now, List<string> errors)
    {
        var before = errors.Count;
        var start = ParseDate(query, "start_date", zone, errors);
        var end = ParseDate(query, "end_date", zone, errors);
        if (errors.Count > before) return null;
        var (from, to) = (start, end) switch
        {
            (null, null) => (now - MaxWindow, now),
            // Cut off at the ends of the calendar, so a bound in year 9999 or 1 is an empty window, not an overflow.
            ({ } s, null) => (s, s <= DateTimeOffset.MaxValue - MaxWindow ? s + MaxWindow : DateTimeOffset.MaxValue),
            (null, { } e) => (e >= DateTimeOffset.MinValue + MaxWindow ? e - MaxWindow : DateTimeOffset.MinValue, e),
            ({ } s, { } e) => (s, e),
        };
        if (to < from) errors.Add("end_date is before start_date.");
        else if (to - from > MaxWindow) errors.Add("start_date and end_date may be at most 90 days apart.");
        // Npgsql writes timestamptz parameters only from offset 0: a start_date in +01:00 would otherwise fail the query.
        return errors.Count > before ? null : (from.ToUniversalTime(), to.ToUniversalTime());
    }

    private static DateTimeOffset? ParseDate(IQueryCollection query, string name, TimeZoneInfo zone, List<string> errors)
    {
        // An empty parameter counts as absent (clients send start_date=).
        var text = query[name].LastOrDefault(v => !string.IsNullOrWhiteSpace(v));
        if (text is null) return null;
        if (Open311DateParser.TryParse(text, zone, out var instant)) return instant;
        errors.Add($"{name} '{text}' is not a W3C date-time such as 2026-03-01T09:30:00+01:00.");
        return null;
    }
}
