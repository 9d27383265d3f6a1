namespace Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;

/// <summary>
/// A virtual host of its own on the shared test broker (services.sh's node), so test classes that
/// run in parallel never share queues, bindings or messages.
/// </summary>
/// <param name="environment">More settings for services.sh add-vhost (a shorter error-queue TTL, say).</param>
public sealed class BrokerVirtualHost(IReadOnlyDictionary<string, string>? environment = null) : IAsyncLifetime
{
    public string Name { get; } = "test-" + Guid.NewGuid().ToString("N")[..10];
    public string Host => "127.0.0.1";
    public int Port => int.TryParse(Environment.GetEnvironmentVariable("OPEN311_RABBIT_PORT"), out var port) ? port : 5672;

    public Task InitializeAsync() => ServicesScript.RunAsync(
        new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["OPEN311_SKIP_PG"] = "1" }, "add-vhost", Name);

    public Task DisposeAsync() => ServicesScript.RunAsync(new Dictionary<string, string> { ["OPEN311_SKIP_PG"] = "1" }, "delete-vhost", Name);
}
