namespace Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;

/// <summary>The whole path over a RabbitMQ node of its own, which tests may stop and start.</summary>
public sealed class OwnBrokerDeliveryTestBed : DeliveryTestBed
{
    private readonly OwnRabbitNode _node = new();

    protected override async Task<BrokerAddress> StartBrokerAsync()
    {
        await _node.InitializeAsync();
        return new BrokerAddress(_node.Host, _node.Port, "/");
    }

    public Task StopBrokerAsync() => _node.StopAsync();

    public Task RestartStoppedBrokerAsync() => _node.StartAsync();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _node.DisposeAsync();
    }
}
