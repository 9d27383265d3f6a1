using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Open311Gateway.IntegrationTests.Infrastructure;

/// <summary>
/// A <see cref="GatewayApp"/> with small rate limits (ADR 17), one trusted proxy (<see cref="TrustedProxy"/>) and the
/// socket address chosen per request (<see cref="SocketAddressFromHeader"/>). Tests share it, each with addresses and
/// keys of its own, so their windows never meet.
/// </summary>
public sealed class RateLimitedApp : GatewayApp
{
    public const string TrustedProxy = "10.0.0.7";
    public const int PostsPerKey = 3;
    public const int PostsPerAddress = 5;
    public const int GetsPerAddress = 4;
    public const int BackOfficePerKey = 3;
    public const int StatusLinksPerAddress = 2;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("RateLimits:Enabled", "true"),
        new("RateLimits:PostPerKey:PermitLimit", $"{PostsPerKey}"),
        new("RateLimits:PostPerAddress:PermitLimit", $"{PostsPerAddress}"),
        new("RateLimits:GetPerAddress:PermitLimit", $"{GetsPerAddress}"),
        new("RateLimits:BackOfficePerKey:PermitLimit", $"{BackOfficePerKey}"),
        new("RateLimits:StatusLinksPerAddress:PermitLimit", $"{StatusLinksPerAddress}"),
        new("ForwardedHeaders:KnownProxies:0", TrustedProxy),
    ];

    protected override void ConfigureHost(IWebHostBuilder web) =>
        web.ConfigureServices(services => services.AddSingleton<IStartupFilter, SocketAddressFromHeader>());

    /// <summary>A request as if sent from <paramref name="socketAddress"/>.</summary>
    public static HttpRequestMessage From(string socketAddress, HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Add(SocketAddressFromHeader.Header, socketAddress);
        return request;
    }
}
