namespace Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;

/// <summary>
/// A RabbitMQ node of its own (own port, node name and data directory), for tests that stop and
/// restart the broker without disturbing any other test.
/// </summary>
public sealed class OwnRabbitNode : IAsyncLifetime
{
    private readonly Dictionary<string, string> _environment;

    public OwnRabbitNode()
    {
        Port = 5700 + Random.Shared.Next(0, 200);
        _environment = new()
        {
            ["OPEN311_SKIP_PG"] = "1",
            ["OPEN311_RABBIT_PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["OPEN311_RABBIT_NODE"] = $"test{Port}@localhost",
            ["OPEN311_STATE_DIR"] = $"/tmp/open311-test-broker-{Port}",
        };
    }

    public string Host => "127.0.0.1";
    public int Port { get; }

    public Task StartAsync() => ServicesScript.RunAsync(_environment, "start");

    public Task StopAsync() => ServicesScript.RunAsync(_environment, "stop");

    public Task InitializeAsync() => StartAsync();

    public async Task DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_environment["OPEN311_STATE_DIR"], recursive: true);
    }
}
