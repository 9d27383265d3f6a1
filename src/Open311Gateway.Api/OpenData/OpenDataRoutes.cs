using Open311Gateway.Api.Hosts;
using Open311Gateway.Api.Open311;

namespace Open311Gateway.Api.OpenData;

/// <summary>
/// Where open data is served: under <c>/opendata/</c>, outside the GeoReport base path (so the format middleware of
/// ADR 1 leaves it alone), and how its absolute URLs are made.
/// </summary>
public static class OpenDataRoutes
{
    public const string Prefix = "/opendata";
    public const string CatalogTurtle = Prefix + "/catalog.ttl";
    public const string CatalogJsonLd = Prefix + "/catalog.jsonld";

    /// <summary>
    /// The gateway's public root from Open311:PublicUrl — without the base path when it ends in it (a gateway behind a
    /// path prefix keeps the prefix), else its origin. Never from the request's Host header: harvesters copy these URLs
    /// into portals, where a forged Host would send every reader elsewhere. Null when PublicUrl is not set.
    /// </summary>
    public static string? PublicRootOf(Open311Options options)
    {
        if (PublicUrls.RootOf(options) is { } root) return root;
        return Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out var url) ? url.GetLeftPart(UriPartial.Authority) : null;
    }

    /// <summary>The download URL of a jurisdiction's export, such as <c>…/opendata/musterstadt.de/requests.geojson</c>.</summary>
    public static string ExportUrl(string root, string jurisdictionId, string fileName) =>
        $"{root}{Prefix}/{Uri.EscapeDataString(jurisdictionId)}/{fileName}";
}
