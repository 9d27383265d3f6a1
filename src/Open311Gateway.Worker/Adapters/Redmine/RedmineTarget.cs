using System.Globalization;
using Open311Gateway.Contracts;

namespace Open311Gateway.Worker.Adapters.Redmine;

/// <summary>
/// Where and as whom a route's messages go in Redmine: the base URL (the route's endpoint), the jurisdiction's key from
/// this worker's configuration, and the catalogue's settings (project, tracker, category, custom field ids).
/// </summary>
public sealed record RedmineTarget(
    Uri BaseUri,
    string JurisdictionId,
    string ApiKey,
    TimeSpan Timeout,
    string Project,
    int? TrackerId,
    int? CategoryId,
    int OurIdField,
    int? LatitudeField,
    int? LongitudeField,
    int? EastingField = null,
    int? NorthingField = null)
{
    /// <exception cref="InvalidOperationException">
    /// No key, no usable URL, or settings the catalogue should have refused: no retry can help, so the message is poison.
    /// </exception>
    public static RedmineTarget For(DeliveryRoute route, RedmineOptions options)
    {
        var key = options.ApiKeyFor(route.JurisdictionId)
            ?? throw new InvalidOperationException(
                $"No Redmine API key configured for jurisdiction '{route.JurisdictionId}' " +
                $"(set {RedmineOptions.Section}:ApiKeys:{route.JurisdictionId}).");
        if (!Uri.TryCreate(route.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
            throw new InvalidOperationException(
                $"Redmine endpoint '{route.Endpoint}' of jurisdiction '{route.JurisdictionId}' is not an absolute http(s) URL.");
        // Redmine may live under a path (https://stadt.example/redmine): relative URLs must land below it.
        var baseUri = endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/");
        var settings = route.Settings ?? new Dictionary<string, string>();
        var project = Setting(settings, "project") is { Length: > 0 } p
            ? p
            : throw Missing(route, "project");
        return new RedmineTarget(
            baseUri, route.JurisdictionId, key, options.Timeout, project,
            Number(route, settings, "tracker_id"),
            Number(route, settings, "category_id"),
            Number(route, settings, "our_id_field") ?? throw Missing(route, "our_id_field"),
            Number(route, settings, "latitude_field"),
            Number(route, settings, "longitude_field"),
            Number(route, settings, "easting_field"),
            Number(route, settings, "northing_field"));
    }

    private static string? Setting(IReadOnlyDictionary<string, string> settings, string name) =>
        settings.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static int? Number(DeliveryRoute route, IReadOnlyDictionary<string, string> settings, string name) =>
        Setting(settings, name) switch
        {
            null => null,
            var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 => n,
            var text => throw new InvalidOperationException(
                $"Redmine setting {name} of route '{route.RouteKey ?? route.JurisdictionId}' is '{text}', not a Redmine id."),
        };

    private static InvalidOperationException Missing(DeliveryRoute route, string name) =>
        new($"Redmine route '{route.RouteKey ?? route.JurisdictionId}' has no {name} setting (the catalogue's delivery settings).");
}
