using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Deliveries.Operations;
using Open311Gateway.Api.Deliveries.Retries;
using Open311Gateway.Api.Privacy;
using Open311Gateway.Contracts;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Privacy;

/// <summary>One person's data erased on request (DSGVO Art. 17), by the operator command, wherever the gateway holds it.</summary>
public sealed class ErasureOnRequestTests(PrivacyGatewayApp app) : IClassFixture<PrivacyGatewayApp>
{
    private static readonly string[] PayloadFields = ["email", "phone", "firstName", "lastName", "deviceId", "accountId"];

    [Fact]
    public async Task By_email_it_reaches_reports_follow_ups_waiting_payloads_and_error_texts_in_every_jurisdiction()
    {
        (string, string)[] gerda = [("email", "Gerda.Gans@example.org"), ("first_name", "Gerda"), ("phone", "0171 555")];
        var here = await app.PostReportAsync(TestCatalog.Jurisdiction, gerda);
        var there = await app.PostReportAsync(TestCatalog.SecondJurisdiction, gerda);
        var someoneElses = await app.PostReportAsync(TestCatalog.Jurisdiction, ("email", "otto@example.org"), ("first_name", "Otto"));
        var gerdasFollowUp = await app.PostFollowUpAsync(someoneElses, "fu-gerda", ("email", "gerda.gans@example.org"), ("first_name", "Gerda"));
        var ottosFollowUp = await app.PostFollowUpAsync(here, "fu-otto", ("email", "otto@example.org"));
        await using (var db = app.Database.CreateDbContext())
            await db.Deliveries.Where(d => d.ServiceRequestId == here && d.Kind == DeliveryKinds.Request)
                .ExecuteUpdateAsync(set => set.SetProperty(d => d.LastError, "550 mailbox Gerda.Gans@example.org unknown"));

        var (code, output) = await app.RunCommandAsync("erase-personal-data", "GERDA.GANS@example.org");

        Assert.Equal(0, code);
        Assert.Contains("2 reports, 1 follow-ups, 3 deliveries and 3 waiting outbox messages in every jurisdiction", output);
        Assert.DoesNotContain("gerda", output, StringComparison.OrdinalIgnoreCase);
        foreach (var id in new[] { here, there })
        {
            var row = await Rows.FindAsync(app, id);
            Assert.Equal((null, null, null, "Loch vor Hausnummer 12"), (row.Email, row.FirstName, row.Phone, row.Description));
            var payload = Assert.Single(await app.PayloadsAsync((await app.DeliveryAsync(id)).Id));
            Assert.All(PayloadFields, field => Assert.Null(payload[field]));
            Assert.Equal("Loch vor Hausnummer 12", (string?)payload["description"]);
            // Still a message the dispatcher can send: the contract's personal fields are optional.
            var message = System.Text.Json.JsonSerializer.Deserialize<ServiceRequestSubmitted>(payload.ToString(),
                new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
            Assert.Equal((id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null), (message.ServiceRequestId, message.Email, message.Phone));
        }
        Assert.Equal(PersonalDataEraser.ErasedErrorText, (await app.DeliveryAsync(here)).LastError);
        var followUpPayload = Assert.Single(await app.PayloadsAsync((await app.DeliveryAsync(someoneElses, gerdasFollowUp)).Id));
        Assert.Null(followUpPayload["email"]);
        Assert.Equal("Immer noch da.", (string?)followUpPayload["description"]);

        // Others' data stays, on Gerda's report too.
        Assert.Equal("otto@example.org", (await Rows.FindAsync(app, someoneElses)).Email);
        await using (var db = app.Database.CreateDbContext())
        {
            Assert.Equal("otto@example.org", (await db.RequestUpdates.SingleAsync(u => u.Id == ottosFollowUp)).Email);
            Assert.Null((await db.RequestUpdates.SingleAsync(u => u.Id == gerdasFollowUp)).Email);
            var audit = await db.PersonalDataErasures.AsNoTracking().OrderByDescending(e => e.Id).FirstAsync();
            Assert.Equal((ErasureReasons.Request, null, 3, 3), (audit.Reason, audit.JurisdictionId, audit.Deliveries, audit.OutboxMessages));
            Assert.Equal(new[] { here, there }.Order(), audit.ServiceRequestIds);
            Assert.Equal([gerdasFollowUp], audit.RequestUpdateIds);
        }
    }

    [Fact]
    public async Task By_phone_in_another_spelling_and_limited_to_one_jurisdiction()
    {
        var here = await app.PostReportAsync(TestCatalog.Jurisdiction, ("phone", "+49 30 9876543"), ("last_name", "Kranich"));
        var there = await app.PostReportAsync(TestCatalog.SecondJurisdiction, ("phone", "+49 30 9876543"), ("last_name", "Kranich"));

        var (code, output) = await app.RunCommandAsync("erase-personal-data", "+49 (30) 987-65 43", TestCatalog.Jurisdiction);

        Assert.Equal(0, code);
        Assert.Contains("1 reports, 0 follow-ups, 1 deliveries and 1 waiting outbox messages in teststadt.de", output);
        Assert.Equal((null, null), ((await Rows.FindAsync(app, here)).Phone, (await Rows.FindAsync(app, here)).LastName));
        Assert.Equal("+49 30 9876543", (await Rows.FindAsync(app, there)).Phone);
        Assert.Equal("+49 30 9876543", (string?)Assert.Single(await app.PayloadsAsync((await app.DeliveryAsync(there)).Id))["phone"]);
    }

    [Fact]
    public async Task An_erased_report_whose_delivery_is_replayed_goes_out_without_personal_data()
    {
        var id = await app.PostReportAsync(TestCatalog.Jurisdiction, PrivacyGatewayApp.Erika);
        var delivery = await app.DeliveryAsync(id);
        await app.RecordOutcomeAsync(delivery.Id, 1, DeliveryOutcome.Rejected, "422: erika.mustermann@example.org is no valid contact");
        Assert.Empty(await app.PayloadsAsync(delivery.Id)); // an ended delivery keeps no payload

        Assert.Equal(0, (await app.RunCommandAsync("erase-personal-data", "erika.mustermann@example.org")).Code);
        Assert.Equal(PersonalDataEraser.ErasedErrorText, (await app.DeliveryAsync(id)).LastError);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<DeliveryOperations>().ReplayAsync(delivery.Id, null, CancellationToken.None));
            await scope.ServiceProvider.GetRequiredService<RetryScheduler>().ScheduleDueAsync(CancellationToken.None);
        }

        var payload = Assert.Single(await app.PayloadsAsync(delivery.Id));
        Assert.Equal(2, (int)payload["attempt"]!);
        Assert.Equal("Loch vor Hausnummer 12", (string?)payload["description"]);
        Assert.All(PayloadFields, field => Assert.Null((string?)payload[field]));
    }

    [Theory]
    [InlineData("erika@example.org", "nirgendwo.de", "There is no jurisdiction 'nirgendwo.de'.")]
    [InlineData("Erika Mustermann", null, "is neither an e-mail address nor a phone number")]
    [InlineData("12", null, "is neither an e-mail address nor a phone number")]
    public async Task A_request_it_cannot_carry_out_changes_nothing_and_says_why(string person, string? jurisdiction, string message)
    {
        await using var db = app.Database.CreateDbContext();
        var auditLines = await db.PersonalDataErasures.CountAsync();

        var (code, output) = await app.RunCommandAsync(jurisdiction is null ? ["erase-personal-data", person] : ["erase-personal-data", person, jurisdiction]);

        Assert.Equal(1, code);
        Assert.Contains(message, output);
        Assert.Equal(auditLines, await db.PersonalDataErasures.CountAsync());
    }
}
