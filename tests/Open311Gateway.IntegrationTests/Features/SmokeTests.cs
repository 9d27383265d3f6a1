using System.Net;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Features;

public sealed class SmokeTests(GatewayApp app) : IClassFixture<GatewayApp>
{
    [Fact]
    public async Task A_posted_report_can_be_read_back()
    {
        var post = await app.Client.PostFormAsync("requests.json", HttpHelpers.Pothole(app.ApiKey, ("description", "Tiefes Loch")));
        var body = await post.Content.ReadAsStringAsync();
        Assert.True(post.StatusCode == HttpStatusCode.OK, body);
        var id = (string)(await post.JsonAsync())[0]!["service_request_id"]!;
        var get = await app.Client.GetOpen311Async($"requests/{id}.json");
        Assert.Equal("Tiefes Loch", (string)(await get.JsonAsync())[0]!["description"]!);
    }
}
