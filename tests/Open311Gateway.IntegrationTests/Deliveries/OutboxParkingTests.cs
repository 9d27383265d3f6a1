using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Deliveries.Operations;
using Open311Gateway.Api.Deliveries.Outbox;
using Open311Gateway.Contracts;
using Open311Gateway.IntegrationTests.Infrastructure;
using Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;
using Xunit.Abstractions;

namespace Open311Gateway.IntegrationTests.Deliveries;

/// <summary>
/// Rows that can never be sent are parked after a few rounds instead of holding up the queue for ever; a broker
/// outage, which fails every row alike, parks nothing.
/// </summary>
public sealed class OutboxParkingTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int GoodRows = 150;
    private const int PoisonRows = 100;
    private const int RoundsBeforeParking = 3;
    private readonly BrokerVirtualHost _virtualHost = new();
    private RoutedGatewayApp _app = null!;

    public async Task InitializeAsync()
    {
        await _virtualHost.InitializeAsync();
        _app = new RoutedGatewayApp(new BrokerAddress(_virtualHost.Host, _virtualHost.Port, _virtualHost.Name), TestRoute.Webhook("http://127.0.0.1:9/unused"),
            runDispatcher: false, settings: [new("Delivery:OutboxRowFailuresBeforeParking", RoundsBeforeParking.ToString(CultureInfo.InvariantCulture))]);
        await _app.InitializeAsync();
    }

    [Fact]
    public async Task A_hundred_poison_rows_at_the_head_are_parked_with_their_reason_and_the_rows_behind_them_are_sent()
    {
        // The poison comes first, in the claim order, as rows that always fail would.
        await AddAsync(Enumerable.Range(0, PoisonRows).Select(i => i % 2 == 0
            ? Row("Open311Gateway.Contracts.FaxSubmitted", "{}")
            : Row(typeof(ServiceRequestSubmitted).FullName!, "{\"deliveryId\": \"kaputt\"}")));
        await AddAsync(Enumerable.Range(0, GoodRows).Select(i => Row(typeof(ServiceRequestSubmitted).FullName!, Good(i))));

        var rounds = 0;
        var sent = 0;
        while (rounds < 20 && (sent < GoodRows || await UnparkedUnsentAsync() > 0))
        {
            sent += await DispatchAsync(_app.Services);
            rounds++;
        }

        await using var db = _app.Database.CreateDbContext();
        var parked = await db.OutboxMessages.AsNoTracking().Where(m => m.ParkedAt != null).ToListAsync();
        output.WriteLine($"{rounds} rounds: {sent} good rows sent, {parked.Count} poison rows parked");
        Assert.Equal(GoodRows, sent);
        Assert.Equal(PoisonRows, parked.Count);
        Assert.All(parked, m => Assert.Equal(RoundsBeforeParking, m.RowFailures));
        Assert.Contains(parked, m => m.ParkReason!.Contains("unknown type 'Open311Gateway.Contracts.FaxSubmitted'"));
        Assert.Contains(parked, m => m.ParkReason!.StartsWith("JsonException", StringComparison.Ordinal));
        Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.SentAt == null && m.ParkedAt == null));
    }

    [Fact]
    public async Task A_broker_outage_fails_every_row_and_parks_none()
    {
        await AddAsync(Enumerable.Range(0, 20).Select(i => Row(typeof(ServiceRequestSubmitted).FullName!, Good(i))));
        // A second API process whose broker is unreachable: every send times out, as in an outage.
        await using var cut = _app.CreateHost([new("RabbitMq:Port", "1"), new("Delivery:SendTimeoutSeconds", "0.5")]);

        for (var round = 0; round < RoundsBeforeParking * 2; round++)
            Assert.Equal(0, await DispatchAsync(cut.Services));

        await using var db = _app.Database.CreateDbContext();
        var rows = await db.OutboxMessages.AsNoTracking().ToListAsync();
        Assert.All(rows, m => Assert.Equal((null, 0, RoundsBeforeParking * 2), (m.ParkedAt, m.RowFailures, m.SendAttempts)));
    }

    [Fact]
    public async Task An_operator_lists_parked_rows_and_replays_them()
    {
        await AddAsync([Row("Open311Gateway.Contracts.FaxSubmitted", "{}")]);
        for (var round = 0; round < RoundsBeforeParking; round++) await DispatchAsync(_app.Services);

        await using var scope = _app.Services.CreateAsyncScope();
        var operations = scope.ServiceProvider.GetRequiredService<OutboxOperations>();
        var parked = Assert.Single(await operations.ListParkedAsync(CancellationToken.None));
        Assert.Equal(1, await operations.ReplayParkedAsync(parked.Id, CancellationToken.None));

        await using var db = _app.Database.CreateDbContext();
        var replayed = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == parked.Id);
        Assert.Equal((null, 0), (replayed.ParkedAt, replayed.RowFailures));
        Assert.Empty(await operations.ListParkedAsync(CancellationToken.None));
    }

    private static async Task<int> DispatchAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchBatchAsync(CancellationToken.None);
    }

    private async Task<int> UnparkedUnsentAsync()
    {
        await using var db = _app.Database.CreateDbContext();
        return await db.OutboxMessages.CountAsync(m => m.SentAt == null && m.ParkedAt == null);
    }

    private async Task AddAsync(IEnumerable<OutboxMessage> rows)
    {
        await using var db = _app.Database.CreateDbContext();
        db.OutboxMessages.AddRange(rows);
        await db.SaveChangesAsync();
    }

    private static OutboxMessage Row(string type, string payload) => new()
    {
        MessageType = type, Destination = "open311-parking-test", Payload = payload, CreatedAt = DateTimeOffset.UtcNow,
    };

    private static string Good(int i) => JsonSerializer.Serialize(new ServiceRequestSubmitted
    {
        DeliveryId = Guid.NewGuid(), Attempt = 1,
        Route = new DeliveryRoute { Adapter = "webhook", Endpoint = "http://127.0.0.1:9/unused", JurisdictionId = TestCatalog.Jurisdiction },
        ServiceRequestId = i.ToString(CultureInfo.InvariantCulture), JurisdictionId = TestCatalog.Jurisdiction,
        ServiceCode = "SCHLAGLOCH", ServiceName = "Schlagloch", RequestedAt = DateTimeOffset.UtcNow,
    }, OutboxWriter.PayloadJson);

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _virtualHost.DisposeAsync();
    }
}
