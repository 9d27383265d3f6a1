using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Open311Gateway.Worker.Hosting;

namespace Open311Gateway.Tests.Worker;

public class UsageTelemetryTests
{
    [Fact]
    public void The_worker_sends_MassTransit_no_usage_telemetry()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Worker:Jurisdictions:0"] = WorkerTestServices.Jurisdiction,
        }).Build());
        services.AddLogging();
        services.AddDeliveryWorker();

        using var provider = services.BuildServiceProvider();
        Assert.False(provider.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
    }
}
