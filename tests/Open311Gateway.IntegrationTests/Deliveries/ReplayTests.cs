using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Deliveries.Operations;
using Open311Gateway.Api.Deliveries.Outcomes;
using Open311Gateway.Api.Deliveries.Retries;
using Open311Gateway.Contracts;
using Open311Gateway.IntegrationTests.BackOffice;
using Open311Gateway.IntegrationTests.Infrastructure;
using Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;

namespace Open311Gateway.IntegrationTests.Deliveries;

/// <summary>An operator's replay gives a fresh attempt budget but never reuses an attempt number.</summary>
public sealed class ReplayTests : IAsyncLifetime
{
    private readonly BrokerVirtualHost _virtualHost = new();
    private RoutedGatewayApp _app = null!;

    public async Task InitializeAsync()
    {
        await _virtualHost.InitializeAsync();
        _app = new RoutedGatewayApp(new BrokerAddress(_virtualHost.Host, _virtualHost.Port, _virtualHost.Name), TestRoute.Webhook("http://127.0.0.1:9/hook"),
            runDispatcher: false, settings: [new("Delivery:MaxAttempts", "3")]);
        await _app.InitializeAsync();
    }

    [Fact]
    public async Task A_replayed_delivery_continues_the_count_so_a_late_outcome_of_an_earlier_attempt_is_stale()
    {
        var request = long.Parse(await _app.PostReportAsync(), CultureInfo.InvariantCulture);
        var delivery = await DeliveryAsync(request);
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await RecordAsync(delivery.Id, attempt, DeliveryOutcome.Failed);
            if (attempt < 3) await DueNowAndScheduleAsync(delivery.Id);
        }
        Assert.Equal((DeliveryStates.Failed, 3), ((await DeliveryAsync(request)).State, (await DeliveryAsync(request)).Attempts));

        await using (var scope = _app.Services.CreateAsyncScope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<DeliveryOperations>().ReplayAsync(delivery.Id, null, CancellationToken.None));
        await ScheduleAsync();
        Assert.Equal((DeliveryStates.InFlight, 4, 3), ((await DeliveryAsync(request)).State, (await DeliveryAsync(request)).Attempts, (await DeliveryAsync(request)).AttemptsAtReplay));

        // The third attempt's outcome, late (say, from the wait queue): it must not count against the fourth.
        await RecordAsync(delivery.Id, 3, DeliveryOutcome.Failed);
        Assert.Equal(DeliveryStates.InFlight, (await DeliveryAsync(request)).State);

        // The replay's own budget: three more attempts before it fails again.
        await RecordAsync(delivery.Id, 4, DeliveryOutcome.Failed);
        Assert.Equal(DeliveryStates.RetryWait, (await DeliveryAsync(request)).State);
        await DueNowAndScheduleAsync(delivery.Id);
        await RecordAsync(delivery.Id, 5, DeliveryOutcome.Delivered);
        Assert.Equal((DeliveryStates.Delivered, 5), ((await DeliveryAsync(request)).State, (await DeliveryAsync(request)).Attempts));
    }

    private async Task RecordAsync(Guid deliveryId, int attempt, DeliveryOutcome outcome)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeliveryOutcomeRecorder>().RecordAsync(new DeliveryAttempted
        {
            DeliveryId = deliveryId, Attempt = attempt, Outcome = outcome, AttemptedAt = DateTimeOffset.UtcNow, HttpStatus = 503,
        }, CancellationToken.None);
    }

    private async Task DueNowAndScheduleAsync(Guid deliveryId)
    {
        await using (var db = _app.Database.CreateDbContext())
            await db.Deliveries.Where(d => d.Id == deliveryId).ExecuteUpdateAsync(d => d.SetProperty(x => x.NextAttemptAt, DateTimeOffset.UtcNow.AddSeconds(-1)));
        await ScheduleAsync();
    }

    private async Task ScheduleAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RetryScheduler>().ScheduleDueAsync(CancellationToken.None);
    }

    private async Task<Delivery> DeliveryAsync(long requestId)
    {
        await using var db = _app.Database.CreateDbContext();
        return await db.Deliveries.AsNoTracking().SingleAsync(d => d.ServiceRequestId == requestId);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _virtualHost.DisposeAsync();
    }
}
