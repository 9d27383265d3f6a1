using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Privacy;
using Open311Gateway.IntegrationTests.BackOffice;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Privacy;

/// <summary>The retention job erases personal data the jurisdiction's number of days after a report closed, and only then.</summary>
public sealed class RetentionTests(PrivacyGatewayApp app) : IClassFixture<PrivacyGatewayApp>
{
    [Fact]
    public async Task Closing_sets_closed_at_once_and_reopening_clears_it()
    {
        var id = await app.PostReportAsync(TestCatalog.Jurisdiction);
        var key = await app.CreateBackOfficeKeyAsync();
        var text = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Null((await app.RequestRowAsync(text)).ClosedAt);

        await (await app.PostBackOfficeUpdateAsync(key, text, new { update_id = "c-1", status = "FIXED" })).AssertStatusAsync(System.Net.HttpStatusCode.OK);
        var closedAt = (await app.RequestRowAsync(text)).ClosedAt;
        Assert.NotNull(closedAt);
        await (await app.PostBackOfficeUpdateAsync(key, text, new { update_id = "c-2", status = "CLOSED" })).AssertStatusAsync(System.Net.HttpStatusCode.OK);
        Assert.Equal(closedAt, (await app.RequestRowAsync(text)).ClosedAt);

        await (await app.PostBackOfficeUpdateAsync(key, text, new { update_id = "c-3", status = "REOPEN" })).AssertStatusAsync(System.Net.HttpStatusCode.OK);
        Assert.Null((await app.RequestRowAsync(text)).ClosedAt);
    }

    [Fact]
    public async Task Personal_data_goes_after_the_retention_not_before_and_never_from_open_reports()
    {
        var due = await app.PostReportAsync(TestCatalog.Jurisdiction, PrivacyGatewayApp.Erika);
        var followUp = await app.PostFollowUpAsync(due, "fu-due", ("email", "hans@example.org"), ("first_name", "Hans"), ("last_name", "Meier"), ("account_id", "k-9"));
        var notYet = await app.PostReportAsync(TestCatalog.Jurisdiction, PrivacyGatewayApp.Erika);
        var open = await app.PostReportAsync(TestCatalog.Jurisdiction, PrivacyGatewayApp.Erika);
        var kept = await app.PostReportAsync(TestCatalog.SecondJurisdiction, PrivacyGatewayApp.Erika);
        await app.ClosedDaysAgoAsync(due, 30.1);
        await app.ClosedDaysAgoAsync(notYet, 29.9);
        await app.ClosedDaysAgoAsync(kept, 400);
        await using (var db = app.Database.CreateDbContext())
        {
            // An open report filed long ago, and a jurisdiction whose catalogue says "never".
            await db.ServiceRequests.Where(r => r.Id == open).ExecuteUpdateAsync(set => set.SetProperty(r => r.RequestedAt, DateTimeOffset.UtcNow.AddDays(-400)));
            await db.Jurisdictions.Where(j => j.Id == TestCatalog.SecondJurisdiction).ExecuteUpdateAsync(set => set.SetProperty(j => j.PersonalDataRetentionDays, (int?)null));
            await db.Deliveries.Where(d => d.ServiceRequestId == due).ExecuteUpdateAsync(set => set.SetProperty(d => d.LastError, "422: contact.email erika.mustermann@example.org rejected"));
        }
        var changedBefore = (await Rows.FindAsync(app, due)).PublicChangedAt;

        await SweepAsync();

        var erased = await Rows.FindAsync(app, due);
        Assert.All(new[] { erased.Email, erased.Phone, erased.FirstName, erased.LastName, erased.DeviceId, erased.AccountId }, Assert.Null);
        Assert.Equal(("Loch vor Hausnummer 12", "closed", "Verfüllt."), (erased.Description, erased.Status, erased.StatusNotes));
        Assert.NotNull(erased.Location);
        Assert.True(erased.PublicChangedAt > changedBefore, "the erasure is a change syncs see");
        await using (var db = app.Database.CreateDbContext())
        {
            var update = await db.RequestUpdates.AsNoTracking().SingleAsync(u => u.Id == followUp);
            Assert.All(new[] { update.Email, update.FirstName, update.LastName, update.AccountId }, Assert.Null);
            Assert.Equal("Immer noch da.", update.Description);
        }
        var reportDelivery = await app.DeliveryAsync(due);
        Assert.Equal(PersonalDataEraser.ErasedErrorText, reportDelivery.LastError);
        // Not delivered yet: the payload waits, without the personal fields, and is delivered so.
        var payload = Assert.Single(await app.PayloadsAsync(reportDelivery.Id));
        Assert.Equal("Loch vor Hausnummer 12", (string?)payload["description"]);
        foreach (var field in new[] { "email", "phone", "firstName", "lastName", "deviceId", "accountId" }) Assert.Null(payload[field]);
        var followUpPayload = Assert.Single(await app.PayloadsAsync((await app.DeliveryAsync(due, followUp)).Id));
        Assert.DoesNotContain("hans@example.org", followUpPayload.ToString());

        foreach (var untouched in new[] { notYet, open, kept })
        {
            Assert.Equal("erika.mustermann@example.org", (await Rows.FindAsync(app, untouched)).Email);
            Assert.Equal("erika.mustermann@example.org", (string?)Assert.Single(await app.PayloadsAsync((await app.DeliveryAsync(untouched)).Id))["email"]);
        }

        var audit = await AuditOfAsync(due);
        Assert.Equal(ErasureReasons.Retention, audit.Reason);
        Assert.Equal([due], audit.ServiceRequestIds);
        Assert.Equal([followUp], audit.RequestUpdateIds);
        Assert.Equal((2, 2), (audit.Deliveries, audit.OutboxMessages));
        Assert.DoesNotContain(notYet, audit.ServiceRequestIds);
    }

    [Fact]
    public async Task An_anonymous_report_whose_follow_up_carries_a_name_has_the_follow_up_erased()
    {
        var id = await app.PostReportAsync(TestCatalog.Jurisdiction);
        var followUp = await app.PostFollowUpAsync(id, "fu-anon", ("email", "paul@example.org"), ("last_name", "Panzer"));
        await app.ClosedDaysAgoAsync(id, 31);

        await SweepAsync();

        await using var db = app.Database.CreateDbContext();
        var update = await db.RequestUpdates.AsNoTracking().SingleAsync(u => u.Id == followUp);
        Assert.Equal((null, null), (update.Email, update.LastName));
        Assert.DoesNotContain("paul@example.org", Assert.Single(await app.PayloadsAsync((await app.DeliveryAsync(id, followUp)).Id)).ToString());
        var audit = Assert.Single(await db.PersonalDataErasures.AsNoTracking().Where(e => e.RequestUpdateIds.Contains(followUp)).ToListAsync());
        Assert.Empty(audit.ServiceRequestIds); // the report itself held nothing
    }

    [Fact]
    public async Task The_audit_line_names_rows_and_never_the_personal_values()
    {
        var id = await app.PostReportAsync(TestCatalog.Jurisdiction, PrivacyGatewayApp.Erika);
        await app.ClosedDaysAgoAsync(id, 31);

        await SweepAsync();

        var audit = await AuditOfAsync(id);
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT row_to_json(e)::text FROM personal_data_erasures e WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", audit.Id);
        var line = (string)(await command.ExecuteScalarAsync())!;
        Assert.Contains(id.ToString(System.Globalization.CultureInfo.InvariantCulture), line);
        foreach (var value in PrivacyGatewayApp.ErikasValues.Append("4930") .Append("example.org"))
            Assert.DoesNotContain(value, line, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Two_replicas_sweeping_at_once_erase_each_report_exactly_once_in_bounded_batches()
    {
        var ids = new List<long>();
        for (var i = 0; i < 8; i++) ids.Add(await app.PostReportAsync(TestCatalog.Jurisdiction, PrivacyGatewayApp.Erika));
        foreach (var id in ids) await app.ClosedDaysAgoAsync(id, 60);

        var counts = await Task.WhenAll(SweepAsync(), SweepAsync());

        await using var db = app.Database.CreateDbContext();
        var lines = (await db.PersonalDataErasures.AsNoTracking().ToListAsync()).Where(e => e.ServiceRequestIds.Intersect(ids).Any()).ToList();
        var erased = lines.SelectMany(e => e.ServiceRequestIds).Where(ids.Contains).ToList();
        Assert.Equal(ids.Order(), erased.Order()); // each once, none twice
        Assert.All(lines, e => Assert.True(e.ServiceRequestIds.Count <= 3, "a batch is at most Privacy:RetentionBatchSize reports"));
        Assert.Equal(8, counts.Sum());
        Assert.False(await db.ServiceRequests.AnyAsync(r => ids.Contains(r.Id) && r.Email != null));
    }

    [Fact]
    public async Task The_job_runs_by_itself_in_the_api_host()
    {
        var id = await app.PostReportAsync(TestCatalog.Jurisdiction, PrivacyGatewayApp.Erika);
        await app.ClosedDaysAgoAsync(id, 45);

        await using var host = app.CreateHost([new("Privacy:RunRetention", "true"), new("Privacy:RetentionIntervalMinutes", "0.01")]);
        _ = host.Services; // starts the host and its hosted services
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await Rows.FindAsync(app, id)).Email is not null && DateTime.UtcNow < deadline) await Task.Delay(200);

        Assert.Null((await Rows.FindAsync(app, id)).Email);
        Assert.Equal(ErasureReasons.Retention, (await AuditOfAsync(id)).Reason);
    }

    private async Task<int> SweepAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RetentionSweep>().RunAsync(CancellationToken.None);
    }

    private async Task<PersonalDataErasure> AuditOfAsync(long requestId)
    {
        await using var db = app.Database.CreateDbContext();
        return Assert.Single(await db.PersonalDataErasures.AsNoTracking().Where(e => e.ServiceRequestIds.Contains(requestId)).ToListAsync());
    }
}
