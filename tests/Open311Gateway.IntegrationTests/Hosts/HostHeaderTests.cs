using System.Net;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Hosts;

/// <summary>
/// With host filtering (AllowedHosts, as the test hosts run): a Host header not on the list is refused before any
/// answer could repeat it (ADR 17).
/// </summary>
public sealed class HostHeaderTests(GatewayApp app) : IClassFixture<GatewayApp>
{
    [Theory]
    [InlineData("discovery.json")]
    [InlineData("discovery.xml")]
    [InlineData("requests.json")]
    public async Task A_host_not_allowed_is_refused_and_never_comes_back(string resource)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, HttpHelpers.Base + resource);
        request.Headers.Host = "evil.example";
        var response = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("evil.example", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_allowed_host_still_names_the_endpoint()
    {
        var json = await Open311Assert.JsonAnswer(await app.Client.GetOpen311Async("discovery.json"));
        Assert.Equal("http://localhost/open311/v2", (string?)json["endpoints"]![0]!["url"]);
    }
}
