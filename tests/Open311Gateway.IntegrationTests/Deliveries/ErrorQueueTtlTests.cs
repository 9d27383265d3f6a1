using System.Text;
using Open311Gateway.Contracts;
using Open311Gateway.IntegrationTests.Infrastructure;
using Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Open311Gateway.IntegrationTests.Deliveries;

/// <summary>
/// A message parked in an error queue (it may carry personal data) expires: services.sh sets the policy
/// <c>open311-error-queue-ttl</c> on its broker and on every virtual host it adds, here shrunk to 1.8 seconds.
/// Checked with the real API and worker, whose consumers park what they cannot read.
/// </summary>
public sealed class ErrorQueueTtlTests(ErrorQueueTtlTests.Bed bed) : IClassFixture<ErrorQueueTtlTests.Bed>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(DeliveryQueues.Outcomes)]
    [InlineData("open311-deliver-" + TestCatalog.Jurisdiction)]
    public async Task An_unreadable_message_lands_in_the_error_queue_and_expires_there(string queue)
    {
        await bed.PublishAsync(queue, "{ kein JSON");

        var parked = await bed.WaitForAsync(queue + "_error", count => count >= 1, Patience);
        var expired = await bed.WaitForAsync(queue + "_error", count => count == 0, Patience);

        Assert.True(parked, $"the message never reached {queue}_error\n{bed.Worker.Output}");
        Assert.True(expired, $"the message in {queue}_error did not expire");
    }

    [Fact]
    public async Task An_error_queue_declared_without_any_ttl_argument_expires_its_messages_too()
    {
        // As a queue from before the policy: the policy needs no re-declaration, unlike a queue argument.
        const string queue = "open311-deliver-altstadt.de_error";
        await using (var channel = await bed.Connection.CreateChannelAsync())
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        await bed.PublishAsync(queue, """{"email":"erika@example.org"}""");

        Assert.True(await bed.WaitForAsync(queue, count => count == 0, Patience), $"the message in {queue} did not expire");
    }

    public sealed class Bed : IAsyncLifetime
    {
        private readonly BrokerVirtualHost _virtualHost = new(new Dictionary<string, string> { ["OPEN311_ERROR_QUEUE_TTL_HOURS"] = "0.0005" });
        private RoutedGatewayApp _api = null!;

        public WorkerProcess Worker { get; private set; } = null!;
        public IConnection Connection { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await _virtualHost.InitializeAsync();
            var broker = new BrokerAddress(_virtualHost.Host, _virtualHost.Port, _virtualHost.Name);
            // No in-memory retries of outcomes: an unreadable one goes to the error queue at once.
            _api = new RoutedGatewayApp(broker, TestRoute.Webhook("http://127.0.0.1:9/hook"), runDispatcher: false,
                settings: [new("Delivery:OutcomeRetryIntervalsSeconds:0", "0")]);
            await _api.InitializeAsync();
            Worker = new WorkerProcess(broker.Host, broker.Port, broker.VirtualHost, TestCatalog.Jurisdiction);
            await Worker.StartAsync();
            Connection = await new ConnectionFactory { HostName = broker.Host, Port = broker.Port, VirtualHost = broker.VirtualHost }.CreateConnectionAsync();
        }

        public async Task PublishAsync(string queue, string body)
        {
            await using var channel = await Connection.CreateChannelAsync();
            await channel.BasicPublishAsync("", queue, mandatory: true,
                new BasicProperties { ContentType = "application/vnd.masstransit+json", Persistent = true }, Encoding.UTF8.GetBytes(body));
        }

        /// <summary>Polls the queue's message count (a passive declare) until the condition holds; false when it did not in time.</summary>
        public async Task<bool> WaitForAsync(string queue, Func<uint, bool> condition, TimeSpan patience)
        {
            var deadline = DateTime.UtcNow + patience;
            while (DateTime.UtcNow < deadline)
            {
                try
                {
                    await using var channel = await Connection.CreateChannelAsync();
                    if (condition((await channel.QueueDeclarePassiveAsync(queue)).MessageCount)) return true;
                }
                catch (OperationInterruptedException)
                {
                    // Not declared yet: MassTransit declares an error queue when it first parks a message there.
                }
                await Task.Delay(200);
            }
            return false;
        }

        public async Task DisposeAsync()
        {
            await Connection.DisposeAsync();
            await Worker.DisposeAsync();
            await _api.DisposeAsync();
            await _virtualHost.DisposeAsync();
        }
    }
}
