namespace Open311Gateway.Api.Open311;

/// <summary>Settings of the public GeoReport v2 endpoint (section <c>Open311</c>).</summary>
public sealed class Open311Options
{
    public const string Section = "Open311";

    /// <summary>Path under which every GeoReport v2 resource is served.</summary>
    public string BasePath { get; set; } = "/open311/v2";

    /// <summary>
    /// Absolute URL of the endpoint as clients reach it (discovery; its root also gives photo URLs). Derived from the
    /// request when empty, which outside Development needs AllowedHosts (host filtering, ADR 17).
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>Discovery's endpoint type: <c>production</c> or <c>test</c>.</summary>
    public string EndpointType { get; set; } = "production";

    /// <summary>Discovery's contact; the only jurisdiction's contact when empty.</summary>
    public string? Contact { get; set; }

    /// <summary>Discovery's <c>key_service</c>: how a client app gets an API key.</summary>
    public string? KeyService { get; set; }

    /// <summary>Largest request body accepted, besides a new report's one photo (<c>Photos:MaxBytes</c>, ADR 14).</summary>
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;
}
