using System.Net;
using Newtonsoft.Json.Linq;
using Open311Gateway.IntegrationTests.Infrastructure;
using static Open311Gateway.IntegrationTests.BackOffice.BackOfficeHelpers;

namespace Open311Gateway.IntegrationTests.BackOffice;

public sealed class BackOfficeIdempotencyTests(GatewayApp app) : IClassFixture<GatewayApp>
{
    [Fact]
    public async Task A_resent_update_id_answers_the_original_answer_and_changes_nothing()
    {
        var key = await app.CreateBackOfficeKeyAsync();
        var id = await app.PostReportFiledDaysAgoAsync();
        var first = await app.PostBackOfficeUpdateAsync(key, id, new
        {
            update_id = "EV-1", status = "IN_PROGRESS", status_notes = "In Arbeit.", updated_datetime = W3c(Now().AddHours(-2)),
        });
        await first.AssertStatusAsync(HttpStatusCode.OK);

        var again = await app.PostBackOfficeUpdateAsync(key, id, new
        {
            update_id = "EV-1", status = "FIXED", status_notes = "Anders als beim ersten Mal.", updated_datetime = W3c(Now().AddHours(-1)),
        });

        await again.AssertStatusAsync(HttpStatusCode.OK);
        AssertSameJson(await first.JsonAsync(), await again.JsonAsync());
        var row = Assert.Single(await app.UpdatesOfAsync(id));
        Assert.Equal(("IN_PROGRESS", "In Arbeit."), (row.Status, row.Description));
        var report = await app.RequestRowAsync(id);
        Assert.Equal(("open", "IN_PROGRESS", "In Arbeit."), (report.Status, report.ExtendedStatus, report.StatusNotes));
    }

    [Fact]
    public async Task A_resend_with_a_new_key_of_the_same_back_office_still_finds_the_original()
    {
        var oldKey = await app.CreateBackOfficeKeyAsync();
        var newKey = await app.CreateBackOfficeKeyAsync();
        var id = await app.PostReportAsync();
        var first = await app.PostBackOfficeUpdateAsync(oldKey, id, new { update_id = "EV-ROT", status = "FIXED" });

        var again = await app.PostBackOfficeUpdateAsync(newKey, id, new { update_id = "EV-ROT", status = "FIXED" });

        await again.AssertStatusAsync(HttpStatusCode.OK);
        AssertSameJson(await first.JsonAsync(), await again.JsonAsync());
        Assert.Single(await app.UpdatesOfAsync(id));
    }

    [Fact]
    public async Task Copies_of_one_update_sent_at_the_same_time_are_stored_once_and_all_get_the_same_answer()
    {
        var key = await app.CreateBackOfficeKeyAsync();
        var id = await app.PostReportAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            app.PostBackOfficeUpdateAsync(key, id, new { update_id = "EV-RACE", status = "CLOSED", status_notes = "Erledigt." })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var answers = await Task.WhenAll(responses.Select(r => r.JsonAsync()));
        Assert.All(answers, a => AssertSameJson(answers[0], a));
        var row = Assert.Single(await app.UpdatesOfAsync(id));
        Assert.Equal(row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), (string)answers[0]["update_id"]!);
    }

    [Fact]
    public async Task An_older_update_arriving_late_is_stored_but_does_not_overwrite_the_newer_state()
    {
        var key = await app.CreateBackOfficeKeyAsync();
        var id = await app.PostReportFiledDaysAgoAsync();
        var newer = Now().AddHours(-1);
        var older = Now().AddHours(-3);
        await (await app.PostBackOfficeUpdateAsync(key, id, new
        {
            update_id = "NEU", status = "FIXED", status_notes = "Erledigt.", agency_responsible = "Bauhof", updated_datetime = W3c(newer),
        })).AssertStatusAsync(HttpStatusCode.OK);

        var late = await app.PostBackOfficeUpdateAsync(key, id, new
        {
            update_id = "ALT", status = "IN_PROGRESS", status_notes = "In Arbeit.", agency_responsible = "Tiefbauamt", updated_datetime = W3c(older),
        });

        await late.AssertStatusAsync(HttpStatusCode.OK);
        var answer = await late.JsonAsync();
        Assert.Equal(("IN_PROGRESS", "open"), ((string)answer["status"]!, (string)answer["core_status"]!));
        Assert.Equal(["NEU", "ALT"], (await app.UpdatesOfAsync(id)).Select(u => u.SenderUpdateId));
        var report = await app.RequestRowAsync(id);
        Assert.Equal(("closed", "FIXED", "Erledigt.", "Bauhof", newer), (report.Status, report.ExtendedStatus, report.StatusNotes, report.AgencyResponsible, report.UpdatedAt));
        // The history lists both, oldest first, whatever order they arrived in.
        var listed = (await (await app.Client.GetOpen311Async("servicerequestupdates.json")).JsonAsync())
            .Where(u => (string)u["service_request_id"]! == id).Select(u => (string)u["status"]!);
        Assert.Equal(["IN_PROGRESS", "FIXED"], listed);
    }

    [Fact]
    public async Task An_update_stamped_with_the_same_second_as_the_current_state_still_applies()
    {
        var key = await app.CreateBackOfficeKeyAsync();
        var id = await app.PostReportFiledDaysAgoAsync();
        var second = Now().AddHours(-1);
        await (await app.PostBackOfficeUpdateAsync(key, id, new { update_id = "S1", status = "INVESTIGATING", updated_datetime = W3c(second) }))
            .AssertStatusAsync(HttpStatusCode.OK);

        await (await app.PostBackOfficeUpdateAsync(key, id, new { update_id = "S2", status = "DUPLICATE", updated_datetime = W3c(second) }))
            .AssertStatusAsync(HttpStatusCode.OK);

        Assert.Equal("DUPLICATE", (await app.RequestRowAsync(id)).ExtendedStatus);
    }
}
