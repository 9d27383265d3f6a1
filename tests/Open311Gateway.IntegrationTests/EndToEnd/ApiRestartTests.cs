using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.IntegrationTests.Infrastructure;
using Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;

namespace Open311Gateway.IntegrationTests.EndToEnd;

/// <summary>An API that accepted reports and died before dispatching them: the next API process sends them.</summary>
public sealed class ApiRestartTests : IAsyncLifetime
{
    private readonly BrokerVirtualHost _virtualHost = new();
    private readonly RecordingBackOffice _backOffice = new();
    private RoutedGatewayApp _crashed = null!;
    private WorkerProcess _worker = null!;

    public async Task InitializeAsync()
    {
        await _virtualHost.InitializeAsync();
        await _backOffice.StartAsync();
        var broker = new BrokerAddress(_virtualHost.Host, _virtualHost.Port, _virtualHost.Name);
        // This API process accepts reports but never gets to dispatch them, as one that died right after committing.
        _crashed = new RoutedGatewayApp(broker, _backOffice.Url, runDispatcher: false);
        await _crashed.InitializeAsync();
        _worker = new WorkerProcess(broker.Host, broker.Port, broker.VirtualHost, TestCatalog.Jurisdiction);
        await _worker.StartAsync();
    }

    [Fact]
    public async Task Reports_accepted_by_an_API_that_died_before_dispatching_are_delivered_by_the_next_one()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var response = await _crashed.Client.PostFormAsync("requests.json", HttpHelpers.Pothole(_crashed.ApiKey, ("description", $"Vor dem Absturz #{i}")));
            ids.Add((string)(await response.JsonAsync())[0]!["service_request_id"]!);
        }
        await using (var db = _crashed.Database.CreateDbContext())
            Assert.Equal(5, await db.OutboxMessages.CountAsync(m => m.SentAt == null));
        Assert.Empty(_backOffice.Received);

        await using var restarted = _crashed.CreateHost([new("Delivery:RunDispatcher", "true")]);
        _ = restarted.Services; // starts the host and with it the dispatcher

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !await AllDeliveredAsync()) await Task.Delay(200);
        Assert.True(await AllDeliveredAsync(), "every report accepted before the restart is delivered after it\n" + _worker.Output);
        Assert.All(ids, id => Assert.Single(_backOffice.Cases.Keys, key => key == id));
    }

    private async Task<bool> AllDeliveredAsync()
    {
        await using var db = _crashed.Database.CreateDbContext();
        return await db.Deliveries.CountAsync(d => d.State == DeliveryStates.Delivered) == 5;
    }

    public async Task DisposeAsync()
    {
        await _worker.DisposeAsync();
        await _crashed.DisposeAsync();
        await _backOffice.DisposeAsync();
        await _virtualHost.DisposeAsync();
    }
}
