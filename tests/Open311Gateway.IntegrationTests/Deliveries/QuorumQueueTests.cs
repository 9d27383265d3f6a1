using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Contracts;
using Open311Gateway.IntegrationTests.Infrastructure;
using Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Open311Gateway.IntegrationTests.Deliveries;

/// <summary>
/// <c>RabbitMq:QuorumQueues</c> in API and worker: every queue of the delivery path is declared as a quorum queue and a
/// report still travels it. RabbitMQ answers a declaration naming another type than the queue's with 406
/// PRECONDITION_FAILED, so declaring with <c>x-queue-type</c> tells a queue's type without the management plug-in.
/// </summary>
public sealed class QuorumQueueTests(QuorumQueueTests.QuorumDeliveryTestBed bed) : IClassFixture<QuorumQueueTests.QuorumDeliveryTestBed>
{
    [Fact]
    public async Task With_quorum_queues_on_a_report_is_delivered_through_quorum_queues()
    {
        await bed.PostReportAsync();
        await bed.WaitUntilAsync(async () => (await bed.DeliveriesAsync()).Any(d => d.State == DeliveryStates.Delivered), TimeSpan.FromSeconds(30), "the report is delivered");

        Assert.Equal("quorum", await bed.QueueTypeAsync(DeliveryQueues.ForJurisdiction(TestCatalog.Jurisdiction)));
        Assert.Equal("quorum", await bed.QueueTypeAsync(DeliveryQueues.Outcomes));
    }

    public sealed class QuorumDeliveryTestBed : DeliveryTestBed
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ApiSettings => [new("RabbitMq:QuorumQueues", "true")];

        protected override IReadOnlyDictionary<string, string> WorkerEnvironment => new Dictionary<string, string> { ["RabbitMq__QuorumQueues"] = "true" };

        /// <summary>"quorum" or "classic"; null when there is no such queue.</summary>
        public async Task<string?> QueueTypeAsync(string queue)
        {
            var factory = new ConnectionFactory { HostName = Broker.Host, Port = Broker.Port, VirtualHost = Broker.VirtualHost };
            await using var connection = await factory.CreateConnectionAsync();
            if (!await AcceptedAsync(connection, channel => channel.QueueDeclarePassiveAsync(queue))) return null;
            return await AcceptedAsync(connection, channel => channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
                arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" })) ? "quorum" : "classic";
        }

        // A refused declaration closes its channel: each question gets a channel of its own.
        private static async Task<bool> AcceptedAsync(IConnection connection, Func<IChannel, Task> declare)
        {
            await using var channel = await connection.CreateChannelAsync();
            try
            {
                await declare(channel);
                return true;
            }
            catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode is 404 or 406)
            {
                return false;
            }
        }
    }
}
