using System.Globalization;
using Microsoft.Extensions.Primitives;
using Open311Gateway.Api.Open311;

namespace Open311Gateway.Api.Features.Requests.Listing;

/// <summary>
/// Reads <c>GET requests</c> filters: <c>service_request_id</c> (a list that overrides every other filter),
/// <c>service_code</c> and <c>status</c> lists, and a <c>start_date</c>/<c>end_date</c> window of at most
/// 90 days (the last 90 days when neither is given). Every problem is reported, not just the first.
/// </summary>
public static class RequestQueryParser
{
    private static readonly string[] KnownStatuses = ["open", "closed"];

    public static (RequestQuery? Query, List<string> Errors) Parse(IQueryCollection query, TimeZoneInfo zone, DateTimeOffset now)
    {
        var errors = new List<string>();
        var ids = new List<long>();
        foreach (var id in CommaList(query["service_request_id"]))
        {
            if (long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0) ids.Add(value);
            else errors.Add($"service_request_id '{id}' is not a service request id.");
        }

        var statuses = CommaList(query["status"]).Select(s => s.ToLowerInvariant()).Distinct().ToList();
        errors.AddRange(statuses.Where(s => !KnownStatuses.Contains(s)).Select(s => $"status '{s}' is not one of: open, closed."));

        var window = Open311DateWindow.Parse(query, zone, now, errors);
        if (errors.Count > 0) return (null, errors);
        var codes = CommaList(query["service_code"]).Distinct().ToList();
        return (new RequestQuery(ids.Distinct().ToList(), codes, statuses, window!.Value.Start, window.Value.End), errors);
    }

    private static List<string> CommaList(StringValues values) => values
        .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        .ToList();
}
