using System.Net;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json.Linq;
using Npgsql;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.IntegrationTests.BackOffice;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Updates;

/// <summary>
/// With a delivery route, a follow-up is handed on through the outbox. Only the API's part is tested here:
/// the rows written with it. Sending them is the dispatcher's job, tested elsewhere.
/// </summary>
public sealed class CitizenFollowUpDeliveryTests(GatewayAppWithoutDispatcher app) : IClassFixture<GatewayAppWithoutDispatcher>
{
    private const string Endpoint = "http://127.0.0.1:9/x";

    [Fact]
    public async Task A_follow_up_writes_a_delivery_and_an_outbox_message_that_carries_its_fields()
    {
        var id = await PostReportAsync();
        await RouteReportsToWebhookAsync();

        var response = await app.Client.PostFormAsync("servicerequestupdates.json",
            ("api_key", app.ApiKey), ("service_request_id", id), ("update_id", "FMS-77"), ("status", "REOPEN"),
            ("description", "Wieder aufgerissen."), ("media_url", "https://fixmystreet.example.org/photo/77.jpeg"),
            ("email", "erika@example.org"), ("first_name", "Erika"), ("last_name", "Mustermann"), ("account_id", "fms-42"));

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var update = Assert.Single(await UpdatesOfAsync(id));
        await using var db = app.Database.CreateDbContext();
        var delivery = await db.Deliveries.SingleAsync(d => d.RequestUpdateId == update.Id);
        Assert.Equal((DeliveryKinds.CitizenUpdate, DeliveryStates.InFlight, 1, long.Parse(id, System.Globalization.CultureInfo.InvariantCulture), "teststadt.de"),
            (delivery.Kind, delivery.State, delivery.Attempts, delivery.ServiceRequestId, delivery.JurisdictionId));

        var (message, payload) = Assert.Single(await OutboxMessagesOfAsync(update.Id));
        Assert.Equal("open311-deliver-teststadt.de", message.Destination);
        Assert.Null(message.SentAt);
        Assert.Equal(delivery.Id.ToString(), (string)payload["deliveryId"]!);
        Assert.Equal(1, (int)payload["attempt"]!);
        Assert.Equal(update.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), (string)payload["updateId"]!);
        Assert.Equal(id, (string)payload["serviceRequestId"]!);
        Assert.Equal("REOPEN", (string)payload["status"]!);
        Assert.Equal("Wieder aufgerissen.", (string)payload["description"]!);
        Assert.Equal("https://fixmystreet.example.org/photo/77.jpeg", (string)payload["mediaUrl"]!);
        Assert.Equal(("erika@example.org", "Erika", "Mustermann", "fms-42"),
            ((string)payload["email"]!, (string)payload["firstName"]!, (string)payload["lastName"]!, (string)payload["accountId"]!));
        Assert.Equal(("webhook", Endpoint, "teststadt.de"),
            ((string)payload["route"]!["adapter"]!, (string)payload["route"]!["endpoint"]!, (string)payload["route"]!["jurisdictionId"]!));
    }

    [Fact]
    public async Task When_its_outbox_message_cannot_be_written_neither_the_follow_up_nor_its_delivery_is_kept()
    {
        var id = await PostReportAsync();
        await RouteReportsToWebhookAsync();
        await RefuseOutboxMessagesSayingAsync("Unzustellbar.");

        var response = await app.Client.PostFormAsync("servicerequestupdates.json",
            ("api_key", app.ApiKey), ("service_request_id", id), ("update_id", "FMS-99"), ("description", "Unzustellbar."));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Empty(await UpdatesOfAsync(id));
        await using var db = app.Database.CreateDbContext();
        var requestId = long.Parse(id, System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(await db.Deliveries.AnyAsync(d => d.ServiceRequestId == requestId && d.Kind == DeliveryKinds.CitizenUpdate));
    }

    [Fact]
    public async Task A_resent_follow_up_plans_no_second_delivery()
    {
        var id = await PostReportAsync();
        await RouteReportsToWebhookAsync();
        var first = await (await app.Client.PostFormAsync("servicerequestupdates.json",
            ("api_key", app.ApiKey), ("service_request_id", id), ("update_id", "FMS-88"), ("description", "Noch da."))).JsonAsync();

        var again = await app.Client.PostFormAsync("servicerequestupdates.json",
            ("api_key", app.ApiKey), ("service_request_id", id), ("update_id", "FMS-88"), ("description", "Noch da."));

        await again.AssertStatusAsync(HttpStatusCode.OK);
        BackOfficeHelpers.AssertSameJson(first, await again.JsonAsync());
        var update = Assert.Single(await UpdatesOfAsync(id));
        await using var db = app.Database.CreateDbContext();
        Assert.Equal(1, await db.Deliveries.CountAsync(d => d.RequestUpdateId == update.Id));
        Assert.Single(await OutboxMessagesOfAsync(update.Id));
    }

    private async Task<string> PostReportAsync()
    {
        var post = await app.Client.PostFormAsync("requests.json", HttpHelpers.Pothole(app.ApiKey));
        await post.AssertStatusAsync(HttpStatusCode.OK);
        return (string)(await post.JsonAsync())[0]!["service_request_id"]!;
    }

    private async Task<List<RequestUpdate>> UpdatesOfAsync(string requestId)
    {
        var rowId = long.Parse(requestId, System.Globalization.CultureInfo.InvariantCulture);
        await using var db = app.Database.CreateDbContext();
        return await db.RequestUpdates.AsNoTracking().Where(u => u.ServiceRequestId == rowId).ToListAsync();
    }

    private async Task<List<(OutboxMessage Message, JObject Payload)>> OutboxMessagesOfAsync(long updateId)
    {
        await using var db = app.Database.CreateDbContext();
        var messages = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.MessageType == "Open311Gateway.Contracts.CitizenUpdateSubmitted").ToListAsync();
        return messages.Select(m => (m, JObject.Parse(m.Payload)))
            .Where(m => (string?)m.Item2["updateId"] == updateId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
    }

    // Set on the row directly: the report was filed before, so it had no delivery of its own.
    private async Task RouteReportsToWebhookAsync()
    {
        await using var db = app.Database.CreateDbContext();
        await db.Jurisdictions.Where(j => j.Id == TestCatalog.Jurisdiction)
            .ExecuteUpdateAsync(set => set.SetProperty(j => j.DeliveryAdapter, "webhook").SetProperty(j => j.DeliveryEndpoint, Endpoint));
    }

    // A trigger of this test's own database refuses one particular outbox message, as a full disk or a bug would.
    private async Task RefuseOutboxMessagesSayingAsync(string description)
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($$"""
            CREATE OR REPLACE FUNCTION refuse_outbox_message() RETURNS trigger LANGUAGE plpgsql AS $f$
            BEGIN
                IF NEW.payload->>'description' = '{{description}}' THEN RAISE EXCEPTION 'outbox refused by test'; END IF;
                RETURN NEW;
            END $f$;
            DROP TRIGGER IF EXISTS refuse_outbox_message ON outbox_messages;
            CREATE TRIGGER refuse_outbox_message BEFORE INSERT ON outbox_messages FOR EACH ROW EXECUTE FUNCTION refuse_outbox_message();
            """, connection);
        await command.ExecuteNonQueryAsync();
    }
}
