using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Contracts;
using Open311Gateway.IntegrationTests.Infrastructure;
using Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;
using RabbitMQ.Client;
using Xunit.Abstractions;

namespace Open311Gateway.IntegrationTests.EndToEnd;

/// <summary>
/// The API's database is down while workers report what they delivered: the outcomes wait in RabbitMQ for as long
/// as the outage lasts and are recorded when it ends, so nothing is sent twice and nothing lands in an error queue.
/// The database is a cluster of this test's own; the outcome consumer's in-memory retries are shrunk to 0.4 s, so an
/// outage of 20 s outlasts them fifty times over (the production retries last about 20 s, not hours).
/// </summary>
public sealed class DatabaseOutageOutcomeTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Reports = 10;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(20);
    private readonly OwnPostgresCluster _cluster = new();
    private readonly BrokerVirtualHost _virtualHost = new();
    private readonly RecordingBackOffice _backOffice = new();
    private RoutedGatewayApp _api = null!;
    private WorkerProcess _worker = null!;
    private BrokerAddress _broker = null!;

    public async Task InitializeAsync()
    {
        await _cluster.InitializeAsync();
        await _virtualHost.InitializeAsync();
        await _backOffice.StartAsync();
        _broker = new BrokerAddress(_virtualHost.Host, _virtualHost.Port, _virtualHost.Name);
        _api = new RoutedGatewayApp(_broker, TestRoute.Webhook(_backOffice.Url), settings:
            [
                new("Delivery:OutcomeRetryIntervalsSeconds:0", "0.2"),
                new("Delivery:OutcomeRetryIntervalsSeconds:1", "0.2"),
                new("Delivery:OutcomeWaitSeconds", "1"),
            ],
            database: new TestDatabase(_cluster.ConnectionString));
        await _api.InitializeAsync();
        _worker = new WorkerProcess(_broker.Host, _broker.Port, _broker.VirtualHost, TestCatalog.Jurisdiction);
    }

    [Fact]
    public async Task Outcomes_reported_while_the_database_is_down_for_longer_than_the_retries_are_recorded_when_it_returns()
    {
        var ids = new List<string>();
        for (var i = 0; i < Reports; i++)
        {
            var response = await _api.Client.PostFormAsync("requests.json", HttpHelpers.Pothole(_api.ApiKey, ("description", $"Datenbankausfall #{i}")));
            ids.Add((string)(await response.JsonAsync())[0]!["service_request_id"]!);
        }
        await WaitUntilAsync(async () => await UnsentOutboxRowsAsync() == 0, TimeSpan.FromSeconds(30), "the reports are in the worker's queue");

        await _cluster.StopAsync();
        await _worker.StartAsync();
        await WaitUntilAsync(() => Task.FromResult(_backOffice.Cases.Count == Reports), TimeSpan.FromSeconds(60), "the worker delivered every report");
        await Task.Delay(Outage);
        var errorQueueDuringOutage = await MessagesInAsync(DeliveryQueues.Outcomes + "_error");
        await _cluster.StartAsync();

        await WaitUntilAsync(async () => (await DeliveriesAsync()).All(d => d.State == DeliveryStates.Delivered), TimeSpan.FromSeconds(60),
            "every outcome is recorded");
        var deliveries = await DeliveriesAsync();
        output.WriteLine($"{Reports} reports delivered while the database was down for {Outage.TotalSeconds:0} s; " +
            $"recorded after it returned: {deliveries.Count(d => d.State == DeliveryStates.Delivered)}, attempts {string.Join(",", deliveries.Select(d => d.Attempts))}; " +
            $"POSTs on the wire {_backOffice.Received.Count}; outcome error queue {errorQueueDuringOutage}");
        Assert.All(deliveries, d => Assert.Equal(1, d.Attempts));
        Assert.Equal(Reports, _backOffice.Received.Count);
        Assert.Equal(0u, errorQueueDuringOutage);
        Assert.Equal(0u, await MessagesInAsync(DeliveryQueues.Outcomes + "_error"));
    }

    private async Task<uint> MessagesInAsync(string queue)
    {
        var factory = new ConnectionFactory { HostName = _broker.Host, Port = _broker.Port, VirtualHost = _broker.VirtualHost };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0; // Never declared: nothing was ever moved there.
        }
    }

    private async Task<int> UnsentOutboxRowsAsync()
    {
        await using var db = _api.Database.CreateDbContext();
        return await db.OutboxMessages.CountAsync(m => m.SentAt == null);
    }

    private async Task<List<Delivery>> DeliveriesAsync()
    {
        await using var db = _api.Database.CreateDbContext();
        return await db.Deliveries.AsNoTracking().ToListAsync();
    }

    private async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await condition()) return;
            }
            catch (Exception e) when (Open311Gateway.Api.Errors.DatabaseOutage.IsOutage(e))
            {
                // The database is just coming back.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"Timed out after {timeout} waiting until {what}.\nWorker log:\n{_worker.Output}");
    }

    public async Task DisposeAsync()
    {
        await _worker.DisposeAsync();
        await _api.DisposeAsync();
        await _backOffice.DisposeAsync();
        await _virtualHost.DisposeAsync();
        await _cluster.DisposeAsync();
    }
}
