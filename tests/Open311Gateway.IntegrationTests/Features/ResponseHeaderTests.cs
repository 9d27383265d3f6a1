using System.Net;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Features;

/// <summary>Headers every answer carries, whatever it is.</summary>
public sealed class ResponseHeaderTests(GatewayApp app) : IClassFixture<GatewayApp>
{
    [Theory]
    [InlineData("/open311/v2/discovery.json", HttpStatusCode.OK)]
    [InlineData("/open311/v2/requests.xml", HttpStatusCode.OK)]
    [InlineData("/open311/v2/requests/999999.json", HttpStatusCode.NotFound)]
    [InlineData("/open311/v2/requests.txt", HttpStatusCode.NotFound)]
    [InlineData("/nowhere", HttpStatusCode.NotFound)]
    [InlineData("/openapi.yaml", HttpStatusCode.OK)]
    [InlineData("/health/live", HttpStatusCode.OK)]
    public async Task Every_answer_forbids_content_type_sniffing(string path, HttpStatusCode status)
    {
        var response = await app.Client.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
    }
}
