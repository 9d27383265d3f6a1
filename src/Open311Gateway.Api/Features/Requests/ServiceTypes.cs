namespace Open311Gateway.Api.Features.Requests;

/// <summary>GeoReport v2 service types: how a POST is answered and whether a request is tracked publicly.</summary>
public static class ServiceTypes
{
    public const string Realtime = "realtime";
    public const string Batch = "batch";
    /// <summary>Accepted and forwarded, but never tracked publicly: no id, no token, not listed.</summary>
    public const string Blackbox = "blackbox";
}
