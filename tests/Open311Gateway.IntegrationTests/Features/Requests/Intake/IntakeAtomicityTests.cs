using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Open311Gateway.IntegrationTests.BackOffice;
using Open311Gateway.IntegrationTests.Infrastructure;
using Open311Gateway.IntegrationTests.Updates;

namespace Open311Gateway.IntegrationTests.Features.Requests.Intake;

/// <summary>
/// A report, its delivery and its outbox row are sent as one batch without a transaction of EF's own (ADR 22): the
/// batch's implicit transaction alone must keep them together. The outbox row is the batch's last insert, so refusing
/// it shows the two before it rolled back too.
/// </summary>
public sealed class IntakeAtomicityTests(GatewayAppWithoutDispatcher app) : IClassFixture<GatewayAppWithoutDispatcher>
{
    private const string Refused = "Ausgang scheitert";

    [Fact]
    public async Task When_the_outbox_row_is_refused_neither_the_report_nor_its_delivery_is_stored()
    {
        await RouteReportsToWebhookAsync();
        await RefuseOutboxRowsSayingAsync(Refused);
        await using var db = app.Database.CreateDbContext();
        var reportsBefore = await db.ServiceRequests.CountAsync();
        var deliveriesBefore = await db.Deliveries.CountAsync();

        var refused = await PostAsync(Refused);
        var accepted = await PostAsync("Schlagloch vor Hausnummer 3");

        Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);
        await accepted.AssertStatusAsync(HttpStatusCode.OK);
        Assert.False(await db.ServiceRequests.AnyAsync(r => r.Description == Refused));
        Assert.Equal(reportsBefore + 1, await db.ServiceRequests.CountAsync());
        Assert.Equal(deliveriesBefore + 1, await db.Deliveries.CountAsync());
        Assert.Equal(1, await db.Database.SqlQuery<int>(
            $"SELECT count(*)::int AS \"Value\" FROM outbox_messages WHERE payload::text LIKE '%Hausnummer 3%'").SingleAsync());
    }

    private Task<HttpResponseMessage> PostAsync(string description) => app.Client.PostFormAsync("requests.json",
        ("api_key", app.ApiKey), ("jurisdiction_id", TestCatalog.Jurisdiction), ("service_code", "SCHLAGLOCH"),
        ("lat", "52.52"), ("long", "13.405"), ("attribute[GROESSE]", "klein"), ("description", description));

    private async Task RouteReportsToWebhookAsync()
    {
        await using var db = app.Database.CreateDbContext();
        await db.Jurisdictions.Where(j => j.Id == TestCatalog.Jurisdiction)
            .ExecuteUpdateAsync(set => set.SetProperty(j => j.DeliveryAdapter, "webhook").SetProperty(j => j.DeliveryEndpoint, "http://127.0.0.1:9/x"));
    }

    // A trigger of this test's own database refuses one particular outbox row, as a full disk or a bug would.
    private async Task RefuseOutboxRowsSayingAsync(string text)
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($$"""
            CREATE FUNCTION refuse_outbox_for_test() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$;
            CREATE TRIGGER refuse_outbox_for_test BEFORE INSERT ON outbox_messages FOR EACH ROW
                WHEN (NEW.payload::text LIKE '%{{text}}%') EXECUTE FUNCTION refuse_outbox_for_test();
            """, connection);
        await command.ExecuteNonQueryAsync();
    }
}
