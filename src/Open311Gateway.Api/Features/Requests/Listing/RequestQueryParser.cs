using System.Globalization;
using Open311Gateway.Api.Open311;
using Open311Gateway.Api.Submissions;

namespace Open311Gateway.Api.Features.Requests.Listing;

/// <summary>
/// Reads <c>GET requests</c> filters: the standard's <c>service_request_id</c> (a list that overrides every other
/// filter), <c>service_code</c> and <c>status</c> lists and a <c>start_date</c>/<c>end_date</c> window of at most
/// 90 days; and the optional extensions: a place (<c>lat</c>+<c>long</c>+<c>radius</c> or <c>bbox</c>),
/// <c>updated_after</c>/<c>updated_before</c>, paging, <c>q</c> and <c>extensions</c>. The default window (the last
/// 90 days) holds only for the standard's unpaged listing: a sync (<c>updated_*</c>) or a paged listing reads
/// every report unless it names dates. Every problem is reported, not just the first.
/// </summary>
public static class RequestQueryParser
{
    public const int MaxTextLength = 200;
    private static readonly string[] KnownStatuses = ["open", "closed"];

    /// <summary>Whether the query asks for a place (even with bad values), so that it spans every jurisdiction when none is named.</summary>
    public static bool AsksForPlace(IQueryCollection query) => PlaceParser.AsksForPlace(query);

    public static (RequestQuery? Query, List<string> Errors) Parse(IQueryCollection query, TimeZoneInfo zone, DateTimeOffset now)
    {
        var errors = new List<string>();
        var ids = new List<long>();
        foreach (var id in QueryValues.CommaList(query["service_request_id"]))
        {
            if (long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0) ids.Add(value);
            else errors.Add($"service_request_id '{id}' is not a service request id.");
        }

        var statuses = QueryValues.CommaList(query["status"]).Select(s => s.ToLowerInvariant()).Distinct().ToList();
        errors.AddRange(statuses.Where(s => !KnownStatuses.Contains(s)).Select(s => $"status '{s}' is not one of: open, closed."));

        var datesGiven = QueryValues.Has(query, "start_date") || QueryValues.Has(query, "end_date");
        var window = Open311DateWindow.Parse(query, zone, now, errors);
        var (after, before) = ParseChangeWindow(query, zone, errors);
        var (radius, box) = PlaceParser.Parse(query, errors);
        var paging = PagingParser.Parse(query, errors);
        var text = QueryValues.Text(query, "q");
        if (text is { Length: > MaxTextLength }) errors.Add($"q is longer than {MaxTextLength} characters.");
        var extensions = ParseExtensions(query, errors);
        if (errors.Count > 0) return (null, errors);

        var standardListing = after is null && before is null && paging is null;
        var (from, to) = datesGiven || standardListing ? window!.Value : ((DateTimeOffset?)null, (DateTimeOffset?)null);
        var codes = QueryValues.CommaList(query["service_code"]).Distinct().ToList();
        return (new RequestQuery(ids.Distinct().ToList(), codes, statuses, from, to, after, before, radius, box, paging, text, extensions), errors);
    }

    // No span limit: a client that was offline for a month catches up in one sync.
    private static (DateTimeOffset? After, DateTimeOffset? Before) ParseChangeWindow(IQueryCollection query, TimeZoneInfo zone, List<string> errors)
    {
        var after = ParseDate(query, "updated_after", zone, errors);
        var before = ParseDate(query, "updated_before", zone, errors);
        if (after is { } a && before is { } b && b < a) errors.Add("updated_before is before updated_after.");
        // Npgsql writes timestamptz parameters only from offset 0.
        return (after?.ToUniversalTime(), before?.ToUniversalTime());
    }

    private static DateTimeOffset? ParseDate(IQueryCollection query, string name, TimeZoneInfo zone, List<string> errors)
    {
        var text = QueryValues.Text(query, name);
        if (text is null) return null;
        if (Open311DateParser.TryParse(text, zone, out var instant)) return instant;
        errors.Add($"{name} '{TextRules.Shorten(text)}' is not a W3C date-time such as 2026-03-01T09:30:00+01:00.");
        return null;
    }

    /// <summary><c>extensions</c>: <c>true</c> or <c>false</c> (any case); absent or empty is false.</summary>
    public static bool ParseExtensions(IQueryCollection query, List<string> errors)
    {
        var text = QueryValues.Text(query, "extensions");
        if (text is null || text.Equals("false", StringComparison.OrdinalIgnoreCase)) return false;
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase)) return true;
        errors.Add($"extensions '{TextRules.Shorten(text)}' is not true or false.");
        return false;
    }
}
