using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Open311Gateway.Api.Open311;

namespace Open311Gateway.Api.Hosts;

/// <summary>Which client address and which host name the gateway believes (ADR 17).</summary>
public static class HostTrustServiceCollectionExtensions
{
    public static IServiceCollection AddHostTrust(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<Open311Options>, PublicUrlRequirement>();
        services.AddOptions<Open311Options>().ValidateOnStart();
        services.AddOptions<TrustedProxyOptions>().BindConfiguration(TrustedProxyOptions.Section)
            .Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)),
                "ForwardedHeaders:KnownProxies: every entry must be an IP address, such as 10.0.0.7.")
            .Validate(o => o.KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)),
                "ForwardedHeaders:KnownNetworks: every entry must be a network in CIDR notation, such as 10.42.0.0/16.")
            .Validate(o => o.ForwardLimit is > 0 and <= 10, "ForwardedHeaders:ForwardLimit must be between 1 and 10.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TrustedProxyOptions>>((forwarded, trusted) =>
        {
            var settings = trusted.Value;
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default; here only what is configured counts, so that a proxy on the
            // same machine is trusted because an operator said so.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in settings.KnownProxies) forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in settings.KnownNetworks) forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            forwarded.ForwardLimit = settings.ForwardLimit;
        });
        return services;
    }

    /// <summary>First in the pipeline: everything after it (rate limits, URLs, logs) sees the client's address.</summary>
    public static IApplicationBuilder UseTrustedForwardedHeaders(this IApplicationBuilder app)
    {
        var trusted = app.ApplicationServices.GetRequiredService<IOptions<TrustedProxyOptions>>().Value;
        // Not added without a trusted proxy: with both lists empty the middleware would believe every sender.
        return trusted.TrustsAnyProxy ? app.UseForwardedHeaders() : app;
    }
}
