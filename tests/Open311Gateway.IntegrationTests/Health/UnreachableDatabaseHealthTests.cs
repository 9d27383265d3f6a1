using System.Net;
using Open311Gateway.IntegrationTests.Features;

namespace Open311Gateway.IntegrationTests.Health;

public sealed class UnreachableDatabaseHealthTests(UnreachableDatabaseApp app) : IClassFixture<UnreachableDatabaseApp>
{
    [Fact]
    public async Task Without_its_database_the_gateway_is_live_but_not_ready()
    {
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/health/live")).StatusCode);
        var ready = await app.Client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
    }
}
