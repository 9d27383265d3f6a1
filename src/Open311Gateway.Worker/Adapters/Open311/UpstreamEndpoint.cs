using Open311Gateway.Contracts;

namespace Open311Gateway.Worker.Adapters.Open311;

/// <summary>
/// The upstream GeoReport v2 server a route names, and what its catalogue settings say about it. The route's endpoint is
/// the upstream's base URL (<c>https://upstream.example/open311/v2</c>); resources hang below it with the format suffix.
/// </summary>
public sealed record UpstreamEndpoint(Uri Base, string Format, string? JurisdictionId, bool PollsByUpdatedAfter, bool TakesFollowUps)
{
    public const string Json = "json";
    public const string Xml = "xml";

    /// <exception cref="InvalidOperationException">The endpoint is not an absolute http(s) URL: no retry can fix that.</exception>
    public static UpstreamEndpoint For(DeliveryRoute route)
    {
        if (!Uri.TryCreate(route.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https")
            || endpoint.UserInfo.Length > 0 || endpoint.Query.Length > 0)
            throw new InvalidOperationException(
                $"Open311 endpoint '{route.Endpoint}' of jurisdiction '{route.JurisdictionId}' is not an absolute http(s) base URL " +
                "without credentials or query (such as https://upstream.example/open311/v2).");
        var format = string.Equals(Setting(route, "format"), Xml, StringComparison.OrdinalIgnoreCase) ? Xml : Json;
        return new UpstreamEndpoint(
            new Uri(endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/')),
            format,
            Setting(route, "jurisdiction_id") is { Length: > 0 } jurisdiction ? jurisdiction : null,
            IsTrue(Setting(route, "updated_after")),
            IsTrue(Setting(route, "servicerequestupdates")));
    }

    /// <summary><c>{base}/requests.{format}</c> to POST to; the form carries the jurisdiction_id.</summary>
    public Uri Requests() => Resource("requests", []);

    /// <summary><c>{base}/requests.{format}?…</c> to GET, with the upstream's jurisdiction_id when the route names one.</summary>
    public Uri RequestsQuery(params (string Name, string Value)[] query) => Resource("requests", WithJurisdiction(query));

    public Uri Token(string token) => Resource("tokens/" + Uri.EscapeDataString(token), WithJurisdiction([]));

    /// <summary><c>{base}/servicerequestupdates.{format}</c> to POST to.</summary>
    public Uri ServiceRequestUpdates() => Resource("servicerequestupdates", []);

    private (string Name, string Value)[] WithJurisdiction((string Name, string Value)[] query) =>
        JurisdictionId is null ? query : [.. query, ("jurisdiction_id", JurisdictionId)];

    private Uri Resource(string path, (string Name, string Value)[] query)
    {
        // Escaped as data: a "+" in a W3C offset would otherwise arrive as a space.
        var text = string.Join('&', query.Select(q => Uri.EscapeDataString(q.Name) + "=" + Uri.EscapeDataString(q.Value)));
        return new Uri($"{Base}/{path}.{Format}{(text.Length > 0 ? "?" + text : "")}");
    }

    private static string? Setting(DeliveryRoute route, string name) =>
        route.Settings?.FirstOrDefault(s => string.Equals(s.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.Trim();

    private static bool IsTrue(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
}
