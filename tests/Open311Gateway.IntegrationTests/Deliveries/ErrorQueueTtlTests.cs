using System.Text;
using Open311Gateway.Contracts;
using Open311Gateway.IntegrationTests.Infrastructure;
using Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Open311Gateway.IntegrationTests.Deliveries;

/// <summary>
/// A message parked in an error queue (it may carry personal data) expires after <c>RabbitMq:ErrorQueueMessageTtlHours</c>,
/// in the API's queues and in the worker's. Shrunk here to under two seconds.
/// </summary>
public sealed class ErrorQueueTtlTests : IAsyncLifetime
{
    private const string TtlHours = "0.0005"; // 1.8 s
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly BrokerVirtualHost _virtualHost = new();
    private RoutedGatewayApp _api = null!;
    private WorkerProcess _worker = null!;
    private IConnection _connection = null!;

    public async Task InitializeAsync()
    {
        await _virtualHost.InitializeAsync();
        var broker = new BrokerAddress(_virtualHost.Host, _virtualHost.Port, _virtualHost.Name);
        _api = new RoutedGatewayApp(broker, TestRoute.Webhook("http://127.0.0.1:9/hook"), runDispatcher: false,
            settings: [new("RabbitMq:ErrorQueueMessageTtlHours", TtlHours), new("Delivery:OutcomeRetryIntervalsSeconds:0", "0")]);
        await _api.InitializeAsync();
        _worker = new WorkerProcess(broker.Host, broker.Port, broker.VirtualHost, TestCatalog.Jurisdiction,
            new Dictionary<string, string> { ["RabbitMq__ErrorQueueMessageTtlHours"] = TtlHours });
        await _worker.StartAsync();
        _connection = await new ConnectionFactory { HostName = broker.Host, Port = broker.Port, VirtualHost = broker.VirtualHost }.CreateConnectionAsync();
    }

    [Theory]
    [InlineData(DeliveryQueues.Outcomes)]
    [InlineData("open311-deliver-" + TestCatalog.Jurisdiction)]
    public async Task An_unreadable_message_lands_in_the_error_queue_and_expires_there(string queue)
    {
        await using (var channel = await _connection.CreateChannelAsync())
            await channel.BasicPublishAsync("", queue, mandatory: true,
                new BasicProperties { ContentType = "application/vnd.masstransit+json", Persistent = true }, Encoding.UTF8.GetBytes("{ kein JSON"));

        var parked = await WaitForAsync(queue + "_error", count => count >= 1);
        var expired = await WaitForAsync(queue + "_error", count => count == 0);

        Assert.True(parked, $"the message never reached {queue}_error\n{_worker.Output}");
        Assert.True(expired, $"the message in {queue}_error did not expire");
    }

    /// <summary>Polls the queue's message count (a passive declare) until the condition holds; false when it did not in time.</summary>
    private async Task<bool> WaitForAsync(string queue, Func<uint, bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                await using var channel = await _connection.CreateChannelAsync();
                if (condition((await channel.QueueDeclarePassiveAsync(queue)).MessageCount)) return true;
            }
            catch (OperationInterruptedException)
            {
                // Not declared yet: MassTransit declares an error queue when it first moves a message there.
            }
            await Task.Delay(200);
        }
        return false;
    }

    public async Task DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _worker.DisposeAsync();
        await _api.DisposeAsync();
        await _virtualHost.DisposeAsync();
    }
}
