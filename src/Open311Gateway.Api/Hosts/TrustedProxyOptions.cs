namespace Open311Gateway.Api.Hosts;

/// <summary>
/// The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (section <c>ForwardedHeaders</c>,
/// ADR 17). None by default, loopback included: then the client address is the socket's, and a client cannot
/// choose its own address (and so its own rate-limit partition) by sending the header itself.
/// </summary>
public sealed class TrustedProxyOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Single proxy addresses, such as <c>10.0.0.7</c> or <c>::1</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation, such as <c>10.42.0.0/16</c> (a cluster's pod network).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many trusted proxies in a row may have added an entry (a CDN before the ingress: 2).</summary>
    public int ForwardLimit { get; set; } = 1;

    public bool TrustsAnyProxy => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}
