using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Deliveries;

/// <summary>MassTransit's usage telemetry would send host, bus and queue names (which name the municipalities) to a third party.</summary>
public sealed class UsageTelemetryTests(GatewayApp app) : IClassFixture<GatewayApp>
{
    [Fact]
    public void The_API_sends_MassTransit_no_usage_telemetry() =>
        Assert.False(app.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
}
