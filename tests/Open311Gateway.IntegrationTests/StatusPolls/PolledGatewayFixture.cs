using Open311Gateway.Contracts.Adapters;
using Open311Gateway.IntegrationTests.Infrastructure;
using Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;

namespace Open311Gateway.IntegrationTests.StatusPolls;

/// <summary>
/// An API whose test jurisdiction pulls statuses from an upstream Open311 server, with no dispatcher running, so
/// tests drive the poll scheduler and the answer recorder themselves and read the outbox as they left it.
/// </summary>
public sealed class PolledGatewayFixture : IAsyncLifetime
{
    public const string Upstream = "http://127.0.0.1:9/upstream/open311/v2";

    private readonly BrokerVirtualHost _virtualHost = new();

    public GatewayApp Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _virtualHost.InitializeAsync();
        Api = new RoutedGatewayApp(new BrokerAddress(_virtualHost.Host, _virtualHost.Port, _virtualHost.Name),
            new TestRoute(AdapterKinds.Open311, Upstream, Statuses: new Dictionary<string, string> { ["closed"] = "FIXED" }, PollSeconds: 60),
            runDispatcher: false);
        await Api.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await _virtualHost.DisposeAsync();
    }
}
