using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Deliveries.Operations;
using Open311Gateway.IntegrationTests.Infrastructure;
using Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;
using Xunit.Abstractions;

namespace Open311Gateway.IntegrationTests.EndToEnd;

/// <summary>Nothing accepted is lost and no case is doubled when the back office or the worker fails.</summary>
public sealed class FailureHandlingTests(DeliveryTestBed bed, ITestOutputHelper output) : IClassFixture<DeliveryTestBed>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Reports_sent_while_the_back_office_answers_503_arrive_once_when_it_recovers()
    {
        var description = "Backoffice-Ausfall " + Guid.NewGuid();
        bed.BackOffice.FailWhenBodyContains(description, HttpStatusCode.ServiceUnavailable);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++) ids.Add(await bed.PostReportAsync(("description", $"{description} #{i}")));

        // Short retries in the worker, then long ones scheduled in PostgreSQL: several attempts each.
        await bed.WaitUntilAsync(async () => (await DeliveriesOf(ids)).All(d => d.Attempts >= 3), Patience, "every report was tried three times");
        bed.BackOffice.StopFailingWhenBodyContains(description);

        await bed.WaitUntilAsync(async () => (await DeliveriesOf(ids)).All(d => d.State == DeliveryStates.Delivered), Patience, "every report is delivered");
        foreach (var id in ids) Assert.Single(bed.BackOffice.Cases.Keys, key => key == id);
        output.WriteLine($"503 phase: attempts per report {string.Join(",", (await DeliveriesOf(ids)).Select(d => d.Attempts))}; " +
            $"POSTs on the wire {bed.BackOffice.Received.Count(r => r.Body.Contains(description))}; cases {ids.Count(bed.BackOffice.Cases.ContainsKey)}");
        Assert.All(ids, id => Assert.Contains(bed.BackOffice.Received, r => r.IdempotencyKey == id && r.SignatureValid));
    }

    [Fact]
    public async Task Reports_in_flight_when_the_worker_is_killed_arrive_once_after_it_restarts()
    {
        var description = "Worker-Absturz " + Guid.NewGuid();
        bed.BackOffice.SlowDownWhenBodyContains(description, TimeSpan.FromMilliseconds(300));
        var ids = new List<string>();
        for (var i = 0; i < 30; i++) ids.Add(await bed.PostReportAsync(("description", $"{description} #{i}")));

        await bed.WaitUntilAsync(() => Task.FromResult(bed.BackOffice.Received.Count(r => r.Body.Contains(description)) >= 5), Patience, "some reports reached the back office");
        await bed.Worker.KillAsync();
        var deliveredBeforeKill = (await DeliveriesOf(ids)).Count(d => d.State == DeliveryStates.Delivered);
        await bed.RestartWorkerAsync();

        await bed.WaitUntilAsync(async () => (await DeliveriesOf(ids)).All(d => d.State == DeliveryStates.Delivered), Patience, "every report is delivered");
        Assert.True(deliveredBeforeKill < ids.Count, "the worker was killed before it had delivered everything");
        Assert.Equal(ids.Count, bed.BackOffice.Cases.Keys.Count(ids.Contains));
        output.WriteLine($"worker killed with {deliveredBeforeKill} of {ids.Count} recorded delivered; POSTs on the wire in all " +
            $"{bed.BackOffice.Received.Count(r => r.Body.Contains(description))}; cases {bed.BackOffice.Cases.Keys.Count(ids.Contains)}");
    }

    [Fact]
    public async Task A_delivery_whose_outcome_was_lost_is_sent_again_after_the_in_flight_timeout_and_opens_no_second_case()
    {
        var id = await bed.PostReportAsync(("description", "Ergebnis verloren " + Guid.NewGuid()));
        await bed.WaitUntilAsync(async () => (await DeliveriesOf([id])).Single().State == DeliveryStates.Delivered, Patience, "the report is delivered");

        // As if the outcome had never arrived: in flight, silent for seven hours (the timeout is six).
        await using (var db = bed.Api.Database.CreateDbContext())
            await db.Deliveries.Where(d => d.ServiceRequestId == long.Parse(id))
                .ExecuteUpdateAsync(d => d.SetProperty(x => x.State, DeliveryStates.InFlight).SetProperty(x => x.UpdatedAt, DateTimeOffset.UtcNow.AddHours(-7)));

        await bed.WaitUntilAsync(async () => (await DeliveriesOf([id])).Single() is { State: DeliveryStates.Delivered, Attempts: 2 }, Patience, "the report is sent again");
        Assert.Equal(2, bed.BackOffice.Received.Count(r => r.IdempotencyKey == id));
        Assert.Single(bed.BackOffice.Cases.Keys, key => key == id);
    }

    [Fact]
    public async Task A_message_no_worker_can_process_ends_failed_with_its_reason_and_an_operator_can_replay_it()
    {
        // A service routed to an adapter this worker does not have: poison for it.
        await using (var db = bed.Api.Database.CreateDbContext())
            await db.Services.Where(s => s.Code == "Grün & Park/Bank")
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.DeliveryAdapter, "fax").SetProperty(x => x.DeliveryEndpoint, "http://127.0.0.1:9/fax"));
        var response = await bed.Api.Client.PostFormAsync("requests.json",
            ("api_key", bed.Api.ApiKey), ("service_code", "Grün & Park/Bank"), ("address_string", "Stadtpark, Bank am Teich"));
        var id = (string)(await response.JsonAsync())[0]!["service_request_id"]!;

        await bed.WaitUntilAsync(async () => (await DeliveriesOf([id])).Single().State == DeliveryStates.Failed, Patience, "the poison message failed");
        var failed = (await DeliveriesOf([id])).Single();
        Assert.Contains("fax", failed.LastError);
        Assert.Equal(1, failed.Attempts);

        // The operator fixes the route and replays it on the catalogue's route: the stored one named the adapter no worker has.
        await using (var db = bed.Api.Database.CreateDbContext())
            await db.Services.Where(s => s.Code == "Grün & Park/Bank")
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.DeliveryAdapter, (string?)null).SetProperty(x => x.DeliveryEndpoint, (string?)null));
        await using (var scope = bed.Api.Services.CreateAsyncScope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<DeliveryOperations>().ReplayAsync(failed.Id, null, CancellationToken.None, reroute: true));

        await bed.WaitUntilAsync(async () => (await DeliveriesOf([id])).Single().State == DeliveryStates.Delivered, Patience, "the replayed delivery is delivered");
        Assert.Single(bed.BackOffice.Cases.Keys, key => key == id);
    }


    private async Task<List<Delivery>> DeliveriesOf(IReadOnlyCollection<string> ids) =>
        (await bed.DeliveriesAsync()).Where(d => ids.Contains(d.ServiceRequestId.ToString(System.Globalization.CultureInfo.InvariantCulture)) && d.Kind == DeliveryKinds.Request).ToList();
}
