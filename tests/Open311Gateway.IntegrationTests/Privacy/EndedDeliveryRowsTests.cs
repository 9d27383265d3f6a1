using Microsoft.Extensions.DependencyInjection;
using Open311Gateway.Api.Deliveries.Operations;
using Open311Gateway.Api.Deliveries.Retries;
using Open311Gateway.Contracts;
using Open311Gateway.IntegrationTests.Infrastructure;
using Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;

namespace Open311Gateway.IntegrationTests.Privacy;

/// <summary>A delivery's payloads, with the personal data they carry, do not outlive the delivery.</summary>
public sealed class EndedDeliveryRowsTests(PrivacyGatewayApp app) : IClassFixture<PrivacyGatewayApp>
{
    [Fact]
    public async Task A_delivered_payload_is_deleted_while_an_undelivered_one_keeps_its_data()
    {
        var delivered = await app.DeliveryAsync(await app.PostReportAsync(TestCatalog.Jurisdiction, PrivacyGatewayApp.Erika));
        var waiting = await app.DeliveryAsync(await app.PostReportAsync(TestCatalog.Jurisdiction, PrivacyGatewayApp.Erika));

        await app.RecordOutcomeAsync(delivered.Id, 1, DeliveryOutcome.Delivered);

        Assert.Empty(await app.PayloadsAsync(delivered.Id));
        Assert.Equal("erika.mustermann@example.org", (string?)Assert.Single(await app.PayloadsAsync(waiting.Id))["email"]);
    }

    [Fact]
    public async Task A_repeat_sent_after_the_delivery_ended_is_deleted_when_its_outcome_comes_back()
    {
        var id = await app.PostReportAsync(TestCatalog.Jurisdiction, PrivacyGatewayApp.Erika);
        var delivery = await app.DeliveryAsync(id);
        await app.RecordOutcomeAsync(delivery.Id, 1, DeliveryOutcome.Delivered);
        await OutboxRepeat.SendReportAgainAsync(app, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Single(await app.PayloadsAsync(delivery.Id));

        await app.RecordOutcomeAsync(delivery.Id, 1, DeliveryOutcome.Delivered);

        Assert.Empty(await app.PayloadsAsync(delivery.Id));
    }

    [Fact]
    public async Task A_rejected_delivery_keeps_no_payload_and_its_replay_builds_a_full_one_afresh()
    {
        var id = await app.PostReportAsync(TestCatalog.Jurisdiction, PrivacyGatewayApp.Erika);
        var delivery = await app.DeliveryAsync(id);
        await app.RecordOutcomeAsync(delivery.Id, 1, DeliveryOutcome.Rejected);
        Assert.Empty(await app.PayloadsAsync(delivery.Id));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<DeliveryOperations>().ReplayAsync(delivery.Id, null, CancellationToken.None, reroute: true));
            await scope.ServiceProvider.GetRequiredService<RetryScheduler>().ScheduleDueAsync(CancellationToken.None);
        }

        var payload = Assert.Single(await app.PayloadsAsync(delivery.Id));
        Assert.Equal((2, "erika.mustermann@example.org", "+49 30 1234567"), ((int)payload["attempt"]!, (string?)payload["email"], (string?)payload["phone"]));
        Assert.Equal(PrivacyGatewayApp.Endpoint, (string?)payload["route"]!["endpoint"]);
    }
}
