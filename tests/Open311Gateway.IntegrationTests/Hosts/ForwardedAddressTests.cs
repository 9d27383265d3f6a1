using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Open311Gateway.Api.RateLimiting;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Hosts;

/// <summary>
/// The client address behind a proxy (ADR 17): X-Forwarded-For counts only when the sending socket is a trusted proxy,
/// so a client cannot pick a fresh address, and so a fresh rate-limit window, for each request.
/// </summary>
public sealed class ForwardedAddressTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    private Task<HttpResponseMessage> GetServicesAsync(string socket, string? forwardedFor = null)
    {
        var request = RateLimitedApp.From(socket, HttpMethod.Get, HttpHelpers.Base + "services.json");
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        return app.Client.SendAsync(request);
    }

    private IEnumerable<string> RecordedPartitions() =>
        app.Services.GetRequiredService<RecentRateLimitRejections>().Newest().Select(r => r.Partition);

    [Fact]
    public async Task An_untrusted_sender_cannot_dodge_the_address_limit_with_x_forwarded_for()
    {
        const string socket = "198.51.100.200";
        for (var i = 0; i < RateLimitedApp.GetsPerAddress; i++)
            Assert.Equal(HttpStatusCode.OK, (await GetServicesAsync(socket, $"192.0.2.{i + 1}")).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await GetServicesAsync(socket, "192.0.2.99")).StatusCode);
        Assert.Contains(socket, RecordedPartitions());
        Assert.DoesNotContain("192.0.2.99", RecordedPartitions());
    }

    [Fact]
    public async Task A_trusted_proxy_s_x_forwarded_for_names_the_client()
    {
        const string client = "192.0.2.150";
        for (var i = 0; i < RateLimitedApp.GetsPerAddress; i++)
            Assert.Equal(HttpStatusCode.OK, (await GetServicesAsync(RateLimitedApp.TrustedProxy, client)).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await GetServicesAsync(RateLimitedApp.TrustedProxy, client)).StatusCode);
        // Every client behind the proxy has its own window; the proxy's own address is nobody's partition.
        Assert.Equal(HttpStatusCode.OK, (await GetServicesAsync(RateLimitedApp.TrustedProxy, "192.0.2.151")).StatusCode);
        Assert.Contains(client, RecordedPartitions());
        Assert.DoesNotContain(RateLimitedApp.TrustedProxy, RecordedPartitions());
    }

    [Fact]
    public async Task Ipv6_clients_count_per_64_block_so_rotating_within_it_gains_nothing()
    {
        for (var i = 0; i < RateLimitedApp.GetsPerAddress; i++)
            Assert.Equal(HttpStatusCode.OK, (await GetServicesAsync($"2001:db8:1:2::{i + 1:x}")).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await GetServicesAsync("2001:db8:1:2:ffff::9")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetServicesAsync("2001:db8:1:3::1")).StatusCode);
        Assert.Contains("2001:db8:1:2::/64", RecordedPartitions());
    }
}
