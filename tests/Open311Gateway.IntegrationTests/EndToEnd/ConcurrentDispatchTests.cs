using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Deliveries.Outbox;
using Open311Gateway.Contracts;
using Open311Gateway.IntegrationTests.Infrastructure;
using Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;

namespace Open311Gateway.IntegrationTests.EndToEnd;

/// <summary>Several API processes dispatch the same outbox at once: every row is sent exactly once.</summary>
public sealed class ConcurrentDispatchTests : IAsyncLifetime
{
    private const int Rows = 300;
    private readonly BrokerVirtualHost _virtualHost = new();
    private RoutedGatewayApp _app = null!;

    public async Task InitializeAsync()
    {
        await _virtualHost.InitializeAsync();
        // No background pump: the test drives the dispatchers itself.
        _app = new RoutedGatewayApp(new BrokerAddress(_virtualHost.Host, _virtualHost.Port, _virtualHost.Name), "http://127.0.0.1:9/unused", runDispatcher: false);
        await _app.InitializeAsync();
    }

    [Fact]
    public async Task Four_dispatchers_draining_one_outbox_together_send_each_row_once()
    {
        await using (var db = _app.Database.CreateDbContext())
        {
            db.OutboxMessages.AddRange(Enumerable.Range(1, Rows).Select(i => new OutboxMessage
            {
                MessageType = typeof(ServiceRequestSubmitted).FullName!,
                Destination = "open311-dispatch-test",
                Payload = JsonSerializer.Serialize(Message(i), OutboxWriter.PayloadJson),
                CreatedAt = DateTimeOffset.UtcNow,
            }));
            await db.SaveChangesAsync();
        }

        // Each dispatcher has its own scope, so its own connection and transaction, as separate processes would.
        var sentByEach = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(DrainAsync)));

        Assert.Equal(Rows, sentByEach.Sum());
        Assert.True(sentByEach.Count(n => n > 0) > 1, $"the dispatchers shared the work ({string.Join(", ", sentByEach)})");
        await using var check = _app.Database.CreateDbContext();
        Assert.Equal(0, await check.OutboxMessages.CountAsync(m => m.SentAt == null));
    }

    private async Task<int> DrainAsync()
    {
        var sent = 0;
        while (true)
        {
            await using var scope = _app.Services.CreateAsyncScope();
            var batch = await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchBatchAsync(CancellationToken.None);
            if (batch == 0) return sent;
            sent += batch;
        }
    }

    private static ServiceRequestSubmitted Message(int i) => new()
    {
        DeliveryId = Guid.NewGuid(),
        Attempt = 1,
        Route = new DeliveryRoute { Adapter = "webhook", Endpoint = "http://127.0.0.1:9/unused", JurisdictionId = TestCatalog.Jurisdiction },
        ServiceRequestId = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
        JurisdictionId = TestCatalog.Jurisdiction,
        ServiceCode = "SCHLAGLOCH",
        ServiceName = "Schlagloch",
        RequestedAt = DateTimeOffset.UtcNow,
    };

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _virtualHost.DisposeAsync();
    }
}
