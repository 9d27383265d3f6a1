namespace Open311Gateway.Api.StatusLinks;

public static class StatusLinkPaths
{
    /// <summary>Outside the GeoReport v2 base path: these are pages for clerks, not API resources.</summary>
    public const string Prefix = "/status-links";
}
