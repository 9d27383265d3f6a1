using System.Net;
using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.IntegrationTests.BackOffice;
using Open311Gateway.IntegrationTests.Infrastructure;
using Open311Gateway.IntegrationTests.Infrastructure.EndToEnd.Redmine;
using Xunit.Abstractions;

namespace Open311Gateway.IntegrationTests.EndToEnd;

/// <summary>Reports, statuses and follow-ups between the gateway and the real Redmine (deploy/local/redmine.sh).</summary>
public sealed class RedmineFlowTests(RedmineDeliveryTestBed bed, ITestOutputHelper output) : IClassFixture<RedmineDeliveryTestBed>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_report_becomes_one_issue_in_the_project_with_every_field_and_our_id_and_coordinates_in_custom_fields()
    {
        var id = await bed.PostReportAsync(
            ("description", "Tiefes Schlagloch vor Hausnummer 12 – Größe: ärgerlich"), ("address_string", "Hauptstraße 12, Teststadt"),
            ("email", "erika@example.org"), ("phone", "+49 30 1234567"), ("first_name", "Erika"), ("last_name", "Mustermann"),
            ("media_url", "https://example.org/foto.jpg"), ("attribute[TIEFE_CM]", "12.5"));

        var caseId = await DeliveredAsync(id);

        var issue = Assert.Single(await bed.Admin.IssuesWithOurIdAsync(bed.Project, bed.OurId(id)));
        Assert.Equal(caseId, (int)issue["id"]!);
        issue = await bed.Admin.IssueAsync(caseId);
        Assert.Equal(bed.Redmine.TrackerId, (int)issue["tracker"]!["id"]!);
        Assert.Equal(bed.Redmine.Status(0).Name, (string?)issue["status"]!["name"]);
        Assert.Equal("Schlagloch: Hauptstraße 12, Teststadt", (string?)issue["subject"]);
        Assert.Equal("52.52", RedmineAdmin.CustomField(issue, bed.Redmine.LatitudeField));
        Assert.Equal("13.405", RedmineAdmin.CustomField(issue, bed.Redmine.LongitudeField));
        var description = (string)issue["description"]!;
        output.WriteLine($"issue #{caseId} for {bed.OurId(id)}:\n{description}");
        foreach (var expected in (string[])[
                     "Tiefes Schlagloch vor Hausnummer 12 – Größe: ärgerlich", "* Adresse: Hauptstraße 12, Teststadt",
                     "* Koordinaten: 52.52, 13.405", "https://www.openstreetmap.org/?mlat=52.52&mlon=13.405", "* GROESSE: klein",
                     "* TIEFE_CM: 12.5", "* https://example.org/foto.jpg", "* Name: Erika Mustermann", "* E-Mail: erika@example.org",
                     "* Telefon: +49 30 1234567", "* Meldung: " + bed.OurId(id)])
            Assert.Contains(expected, description);
    }

    [Fact]
    public async Task A_status_a_clerk_sets_comes_back_mapped_with_the_public_note_and_private_notes_never_do()
    {
        var id = await bed.PostReportAsync(("description", "Status aus Redmine"));
        var caseId = await DeliveredAsync(id);

        await bed.Admin.UpdateIssueAsync(caseId, statusId: bed.Redmine.Status(1).Id, notes: "Wir kümmern uns, der Bauhof ist informiert.");
        await bed.WaitUntilAsync(async () => (string?)(await RequestAsync(id))["status_notes"] == "Wir kümmern uns, der Bauhof ist informiert.",
            Patience, "the public note is the report's status_notes");
        var request = await RequestAsync(id);
        Assert.Equal("open", (string?)request["status"]);
        Assert.Equal("IN_PROGRESS", (string?)Assert.Single(await BackOfficeUpdatesAsync(id))["status"]);

        await bed.Admin.UpdateIssueAsync(caseId, notes: "intern: Herr Meier vom Bauhof ist krank", privateNotes: true);
        await bed.Admin.UpdateIssueAsync(caseId, statusId: bed.Redmine.Status(2).Id, notes: "intern: Kosten 340 EUR", privateNotes: true);
        await bed.WaitUntilAsync(async () => (string?)(await RequestAsync(id))["status"] == "closed", Patience, "the report is closed");

        request = await RequestAsync(id);
        Assert.Null((string?)request["status_notes"]);
        var updates = await BackOfficeUpdatesAsync(id);
        output.WriteLine($"updates read back from issue #{caseId}: " +
            string.Join("; ", updates.Select(u => $"{u["status"]} '{u["description"]}'")));
        Assert.Equal(["FIXED", "IN_PROGRESS"], updates.Select(u => (string?)u["status"]).Order());
        var everything = (await (await bed.Api.Client.GetOpen311Async("servicerequestupdates.json")).Content.ReadAsStringAsync())
            + (await (await bed.Api.Client.GetOpen311Async($"requests/{id}.json")).Content.ReadAsStringAsync());
        Assert.DoesNotContain("intern", everything);
        await using var db = bed.Api.Database.CreateDbContext();
        Assert.DoesNotContain(await db.RequestUpdates.Where(u => u.ServiceRequestId == long.Parse(id)).Select(u => u.Description).ToListAsync(),
            d => d != null && d.Contains("intern"));
    }

    [Fact]
    public async Task A_citizens_follow_up_becomes_one_note_on_the_issue_leaves_its_status_alone_and_does_not_come_back_as_the_back_offices_word()
    {
        var id = await bed.PostReportAsync(("description", "Mit Nachtrag"));
        var caseId = await DeliveredAsync(id);

        var post = await bed.Api.Client.PostFormAsync("servicerequestupdates.json",
            ("api_key", bed.Api.ApiKey), ("service_request_id", id), ("update_id", "fms-" + id),
            ("description", "Das Loch ist größer geworden."), ("email", "erika@example.org"), ("status", "REOPEN"));
        await post.AssertStatusAsync(HttpStatusCode.OK);
        await bed.WaitUntilAsync(async () => (await bed.DeliveriesAsync()).Any(d => d.Kind == DeliveryKinds.CitizenUpdate
            && d.ServiceRequestId == long.Parse(id) && d.State == DeliveryStates.Delivered), Patience, "the follow-up is delivered");
        var deliveredAt = DateTimeOffset.UtcNow;

        var issue = await bed.Admin.IssueAsync(caseId);
        var note = Assert.Single(issue["journals"]!.AsArray(), j => !string.IsNullOrEmpty((string?)j!["notes"]))!;
        output.WriteLine($"note on issue #{caseId}:\n{note["notes"]}");
        Assert.Contains("Das Loch ist größer geworden.", (string)note["notes"]!);
        Assert.Contains("Gewünschter Status: REOPEN", (string)note["notes"]!);
        Assert.Contains("erika@example.org", (string)note["notes"]!);
        Assert.False((bool)note["private_notes"]!);
        Assert.Equal(bed.Redmine.Status(0).Id, (int)issue["status"]!["id"]!);

        // Two polls that read the issue with the note after the follow-up was delivered; the note is not status_notes.
        await bed.WaitUntilAsync(async () =>
        {
            await using var db = bed.Api.Database.CreateDbContext();
            return await db.StatusPolls.AnyAsync(p => p.LastAnsweredAt > deliveredAt.AddSeconds(2) && p.LastError == null);
        }, Patience, "the route was polled after the follow-up");
        Assert.Null((string?)(await RequestAsync(id))["status_notes"]);
        Assert.Empty(await BackOfficeUpdatesAsync(id));
    }

    private async Task<int> DeliveredAsync(string id)
    {
        Delivery? delivery = null;
        await bed.WaitUntilAsync(async () =>
        {
            delivery = (await bed.DeliveriesAsync()).SingleOrDefault(d => d.ServiceRequestId == long.Parse(id) && d.Kind == DeliveryKinds.Request);
            return delivery?.State == DeliveryStates.Delivered;
        }, Patience, $"report {id} is delivered");
        await using var db = bed.Api.Database.CreateDbContext();
        return int.Parse((await db.ServiceRequests.SingleAsync(r => r.Id == long.Parse(id))).ExternalCaseId!);
    }

    private async Task<Newtonsoft.Json.Linq.JToken> RequestAsync(string id) =>
        (await (await bed.Api.Client.GetOpen311Async($"requests/{id}.json")).JsonAsync())[0]!;

    // The report's public updates as servicerequestupdates.json lists them: the back office's only (citizens' are never published).
    private async Task<List<Newtonsoft.Json.Linq.JToken>> BackOfficeUpdatesAsync(string id)
    {
        var listed = await (await bed.Api.Client.GetOpen311Async("servicerequestupdates.json")).JsonAsync();
        return listed.Where(u => (string?)u["service_request_id"] == id).ToList();
    }
}
