using System.Net;
using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.IntegrationTests.Infrastructure;
using Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;

namespace Open311Gateway.IntegrationTests.EndToEnd;

/// <summary>POST → outbox → RabbitMQ → worker → back office, with real parts all the way.</summary>
public sealed class DeliveryFlowTests(DeliveryTestBed bed) : IClassFixture<DeliveryTestBed>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_posted_report_reaches_the_back_office_once_with_every_field()
    {
        var id = await bed.PostReportAsync(
            ("description", "Tiefes Schlagloch vor Hausnummer 12 – Größe: ärgerlich"), ("email", "erika@example.org"),
            ("phone", "+49 30 1234567"), ("first_name", "Erika"), ("last_name", "Mustermann"), ("device_id", "gerät-7"),
            ("account_id", "konto-42"), ("media_url", "https://example.org/foto.jpg"), ("attribute[TIEFE_CM]", "12.5"));

        await bed.WaitUntilAsync(async () => (await DeliveryOf(id))?.State == DeliveryStates.Delivered, Patience, $"report {id} is delivered");

        var received = Assert.Single(bed.BackOffice.Received, r => r.IdempotencyKey == id);
        Assert.True(received.SignatureValid, "the HMAC signature over the body verifies with the jurisdiction's key");
        var body = received.Json;
        Assert.Equal(id, (string?)body["service_request_id"]);
        Assert.Equal("SCHLAGLOCH", (string?)body["service_code"]);
        Assert.Equal("Tiefes Schlagloch vor Hausnummer 12 – Größe: ärgerlich", (string?)body["description"]);
        Assert.Equal(52.52, (double)body["lat"]!, 6);
        Assert.Equal(13.405, (double)body["long"]!, 6);
        Assert.Equal("klein", (string?)body["attributes"]!["GROESSE"]![0]);
        Assert.Equal("12.5", (string?)body["attributes"]!["TIEFE_CM"]![0]);
        Assert.Equal("https://example.org/foto.jpg", (string?)body["media_urls"]![0]);
        Assert.Equal("erika@example.org", (string?)body["contact"]!["email"]);
        Assert.Equal("+49 30 1234567", (string?)body["contact"]!["phone"]);
        Assert.Equal("Erika", (string?)body["contact"]!["first_name"]);
        Assert.Equal("Mustermann", (string?)body["contact"]!["last_name"]);
        Assert.Equal("gerät-7", (string?)body["device_id"]);
        Assert.Equal("konto-42", (string?)body["account_id"]);

        await using var db = bed.Api.Database.CreateDbContext();
        var stored = await db.ServiceRequests.SingleAsync(r => r.Id == long.Parse(id));
        Assert.Equal(bed.BackOffice.Cases[id], stored.ExternalCaseId);
        // The payload with the citizen's contact does not outlive its delivery (ADR 16); the report's row keeps it until its retention.
        var deliveryId = (await DeliveryOf(id))!.Id;
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.DeliveryId == deliveryId), "the delivered payload is still in the outbox");
        Assert.Equal("erika@example.org", stored.Email);
        Assert.Equal(Open311Gateway.Api.Open311.Open311Time.Format(stored.RequestedAt, Open311Gateway.Api.Open311.Open311Time.Zone("Europe/Berlin")),
            (string?)body["requested_datetime"]);
    }

    [Fact]
    public async Task The_same_message_sent_twice_opens_one_case_and_changes_nothing()
    {
        var id = await bed.PostReportAsync(("description", "Doppelt gesendet"));
        await bed.WaitUntilAsync(async () => (await DeliveryOf(id))?.State == DeliveryStates.Delivered, Patience, $"report {id} is delivered");
        var before = await DeliveryOf(id);

        // As after a crash between the broker's confirm and our commit: the outbox row goes out again.
        await OutboxRepeat.SendReportAgainAsync(bed.Api, id);

        await bed.WaitUntilAsync(() => Task.FromResult(bed.BackOffice.Received.Count(r => r.IdempotencyKey == id) == 2), Patience, "the repeat reached the back office");
        await Task.Delay(TimeSpan.FromSeconds(1)); // let the repeat's outcome arrive too
        Assert.Equal(bed.BackOffice.Cases[id], bed.BackOffice.Cases.Single(c => c.Key == id).Value);
        Assert.Single(bed.BackOffice.Cases.Keys, key => key == id);
        var after = await DeliveryOf(id);
        Assert.Equal(DeliveryStates.Delivered, after!.State);
        Assert.Equal(before!.Attempts, after.Attempts);
        Assert.Equal(before.DeliveredAt, after.DeliveredAt);
    }

    [Fact]
    public async Task A_report_the_back_office_refuses_is_rejected_and_its_public_status_notes_say_so_without_the_reason()
    {
        bed.BackOffice.RefuseWhenBodyContains("Bitte ablehnen", HttpStatusCode.UnprocessableEntity, "Tiefe darf nicht negativ sein");
        var id = await bed.PostReportAsync(("description", "Bitte ablehnen"), ("attribute[TIEFE_CM]", "-1"));

        await bed.WaitUntilAsync(async () => (await DeliveryOf(id))?.State == DeliveryStates.Rejected, Patience, $"report {id} is rejected");
        var answer = await bed.Api.Client.GetOpen311Async($"requests/{id}.json");
        var notes = (string?)(await answer.JsonAsync())[0]!["status_notes"];
        Assert.Equal("Die Meldung wurde vom Fachverfahren der Kommune nicht angenommen (HTTP 422).", notes);
        var delivery = (await DeliveryOf(id))!;
        Assert.Equal(1, delivery.Attempts);
        Assert.Contains("Tiefe darf nicht negativ sein", delivery.LastError);
    }


    private async Task<Delivery?> DeliveryOf(string serviceRequestId) =>
        (await bed.DeliveriesAsync()).SingleOrDefault(d => d.ServiceRequestId == long.Parse(serviceRequestId) && d.Kind == DeliveryKinds.Request);
}
