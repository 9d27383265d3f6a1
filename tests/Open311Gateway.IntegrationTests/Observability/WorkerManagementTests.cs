using System.Globalization;
using System.Net;
using Open311Gateway.IntegrationTests.Infrastructure;
using Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;

namespace Open311Gateway.IntegrationTests.Observability;

/// <summary>The worker process's management port: liveness, readiness (the broker connected) and /metrics.</summary>
public sealed class WorkerManagementTests
{
    [Fact]
    public async Task A_worker_with_its_broker_is_live_ready_and_serves_metrics()
    {
        var broker = new BrokerVirtualHost();
        await broker.InitializeAsync();
        try
        {
            var port = FreePort.Next();
            await using var worker = Worker(broker.Host, broker.Port, broker.Name, port);
            await worker.StartAsync();
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, await EventuallyAsync(http, "/health/ready", HttpStatusCode.OK));
            Assert.Contains("# TYPE dotnet_", await http.GetStringAsync("/metrics"));
        }
        finally
        {
            await broker.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_worker_without_its_broker_is_live_but_not_ready()
    {
        var port = FreePort.Next();
        // Nothing listens on the broker port: the bus keeps trying to connect.
        await using var worker = Worker("127.0.0.1", FreePort.Next(), "/", port);
        await worker.StartAsync(awaitBus: false);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await EventuallyAsync(http, "/health/ready", HttpStatusCode.ServiceUnavailable));
    }

    private static WorkerProcess Worker(string host, int brokerPort, string virtualHost, int managementPort) =>
        new(host, brokerPort, virtualHost, TestCatalog.Jurisdiction, new Dictionary<string, string>
        {
            ["Management__Port"] = managementPort.ToString(CultureInfo.InvariantCulture),
            ["Management__Address"] = "127.0.0.1",
        });

    /// <summary>The bus reports its state a moment after it changed: asks for up to 20 s until the answer is the expected one.</summary>
    private static async Task<HttpStatusCode> EventuallyAsync(HttpClient http, string path, HttpStatusCode expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        HttpStatusCode status;
        do
        {
            status = (await http.GetAsync(path)).StatusCode;
            if (status == expected) return status;
            await Task.Delay(250);
        } while (DateTime.UtcNow < deadline);
        return status;
    }
}
