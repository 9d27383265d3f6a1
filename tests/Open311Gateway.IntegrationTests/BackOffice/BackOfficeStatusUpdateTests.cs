using System.Net;
using Newtonsoft.Json.Linq;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.IntegrationTests.Infrastructure;
using static Open311Gateway.IntegrationTests.BackOffice.BackOfficeHelpers;

namespace Open311Gateway.IntegrationTests.BackOffice;

public sealed class BackOfficeStatusUpdateTests(GatewayApp app) : IClassFixture<GatewayApp>
{
    [Fact]
    public async Task A_status_update_is_stored_and_answered_with_our_update_id()
    {
        var key = await app.CreateBackOfficeKeyAsync();
        var id = await app.PostReportFiledDaysAgoAsync();
        var at = Now().AddHours(-1);

        var response = await app.PostBackOfficeUpdateAsync(key, id, new
        {
            update_id = "SAP-4711", status = "fixed", status_notes = "Loch verfüllt.", agency_responsible = "Bauhof Teststadt",
            updated_datetime = at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            media_url = "https://bauhof.teststadt.example.org/fotos/4711.jpg",
        });

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType!.ToString());
        var row = Assert.Single(await app.UpdatesOfAsync(id));
        var answer = (JObject)await response.JsonAsync();
        AssertSameJson(new JObject
        {
            ["update_id"] = row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["service_request_id"] = id,
            ["status"] = "FIXED",
            ["core_status"] = "closed",
            ["updated_datetime"] = W3c(at),
        }, answer);
        Assert.Equal(RequestUpdateSources.BackOffice, row.Source);
        Assert.Equal("jurisdiction:teststadt.de", row.Sender);
        Assert.Equal("SAP-4711", row.SenderUpdateId);
        Assert.Equal("FIXED", row.Status);
        Assert.Equal("Loch verfüllt.", row.Description);
        Assert.Equal("Bauhof Teststadt", row.AgencyResponsible);
        Assert.Equal("https://bauhof.teststadt.example.org/fotos/4711.jpg", row.MediaUrl);
        Assert.Equal(at, row.UpdatedAt);
        Assert.InRange(row.ReceivedAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task A_status_update_becomes_the_reports_public_state()
    {
        var key = await app.CreateBackOfficeKeyAsync();
        var id = await app.PostReportFiledDaysAgoAsync();
        var at = Now().AddHours(-1);
        var expected = Now().AddDays(3);

        var response = await app.PostBackOfficeUpdateAsync(key, id, new
        {
            update_id = "SAP-1", status = "FIXED", status_notes = "Loch verfüllt.", agency_responsible = "Bauhof Teststadt",
            updated_datetime = W3c(at), expected_datetime = W3c(expected),
        });

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var report = (await (await app.Client.GetOpen311Async($"requests/{id}.json")).JsonAsync())[0]!;
        Assert.Equal("closed", (string)report["status"]!);
        Assert.Equal("Loch verfüllt.", (string)report["status_notes"]!);
        Assert.Equal("Bauhof Teststadt", (string)report["agency_responsible"]!);
        Assert.Equal(W3c(at), (string)report["updated_datetime"]!);
        Assert.Equal(W3c(expected), (string)report["expected_datetime"]!);
        var listed = (await (await app.Client.GetOpen311Async("requests.json?status=closed")).JsonAsync()).Single(r => (string)r["service_request_id"]! == id);
        Assert.Equal("Loch verfüllt.", (string)listed["status_notes"]!);
        var row = await app.RequestRowAsync(id);
        Assert.Equal(("closed", "FIXED"), (row.Status, row.ExtendedStatus));
    }

    [Fact]
    public async Task A_status_update_is_listed_in_servicerequestupdates_as_json()
    {
        var key = await app.CreateBackOfficeKeyAsync();
        var id = await app.PostReportFiledDaysAgoAsync();
        var at = Now().AddMinutes(-30);
        var answer = await (await app.PostBackOfficeUpdateAsync(key, id, new
        {
            update_id = "SAP-JSON", status = "in_progress", status_notes = "Auftrag an Bauhof erteilt.", updated_datetime = W3c(at),
            media_url = "https://bauhof.teststadt.example.org/fotos/1.jpg",
        })).JsonAsync();

        var list = await app.Client.GetOpen311Async("servicerequestupdates.json");

        await list.AssertStatusAsync(HttpStatusCode.OK);
        var item = (await list.JsonAsync()).Single(u => (string)u["update_id"]! == (string)answer["update_id"]!);
        AssertSameJson(new JObject
        {
            ["update_id"] = answer["update_id"], ["service_request_id"] = id, ["status"] = "IN_PROGRESS", ["updated_datetime"] = W3c(at),
            ["description"] = "Auftrag an Bauhof erteilt.", ["media_url"] = "https://bauhof.teststadt.example.org/fotos/1.jpg",
        }, item);
    }

    [Fact]
    public async Task A_status_update_is_listed_in_servicerequestupdates_as_xml()
    {
        var key = await app.CreateBackOfficeKeyAsync();
        var id = await app.PostReportFiledDaysAgoAsync();
        var at = Now().AddMinutes(-20);
        var answer = await (await app.PostBackOfficeUpdateAsync(key, id, new
        {
            update_id = "SAP-XML", status = "NOT_COUNCILS_RESPONSIBILITY", status_notes = "Landesstraße: zuständig ist der Landesbetrieb.",
            updated_datetime = W3c(at),
        })).JsonAsync();

        var list = await app.Client.GetOpen311Async("servicerequestupdates.xml");

        await list.AssertStatusAsync(HttpStatusCode.OK);
        Assert.StartsWith("text/xml", list.Content.Headers.ContentType!.ToString());
        var root = (await list.XmlAsync()).Root!;
        Assert.Equal("service_request_updates", root.Name.LocalName);
        Assert.All(root.Elements(), e => Assert.Equal("request_update", e.Name.LocalName));
        var item = root.Elements().Single(e => (string?)e.Element("update_id") == (string)answer["update_id"]!);
        Assert.Equal(["update_id", "service_request_id", "status", "updated_datetime", "description", "media_url"],
            item.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(id, (string?)item.Element("service_request_id"));
        Assert.Equal("NOT_COUNCILS_RESPONSIBILITY", (string?)item.Element("status"));
        Assert.Equal(W3c(at), (string?)item.Element("updated_datetime"));
        Assert.Equal("Landesstraße: zuständig ist der Landesbetrieb.", (string?)item.Element("description"));
        Assert.Equal("", (string?)item.Element("media_url"));
    }

    [Fact]
    public async Task An_update_without_a_time_is_dated_when_it_arrives()
    {
        var key = await app.CreateBackOfficeKeyAsync();
        var id = await app.PostReportAsync();
        var before = DateTimeOffset.UtcNow;

        var response = await app.PostBackOfficeUpdateAsync(key, id, new { update_id = "OHNE-ZEIT", status = "INVESTIGATING" });

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var row = Assert.Single(await app.UpdatesOfAsync(id));
        Assert.InRange(row.UpdatedAt, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        var report = await app.RequestRowAsync(id);
        Assert.Equal(("open", "INVESTIGATING"), (report.Status, report.ExtendedStatus));
    }

    [Fact]
    public async Task A_later_update_keeps_agency_and_expected_time_when_it_leaves_them_out_but_replaces_the_notes()
    {
        var key = await app.CreateBackOfficeKeyAsync();
        var id = await app.PostReportFiledDaysAgoAsync();
        var expected = Now().AddDays(5);
        await (await app.PostBackOfficeUpdateAsync(key, id, new
        {
            update_id = "A", status = "ACTION_SCHEDULED", status_notes = "Termin steht.", agency_responsible = "Tiefbauamt",
            expected_datetime = W3c(expected), updated_datetime = W3c(Now().AddHours(-2)),
        })).AssertStatusAsync(HttpStatusCode.OK);

        await (await app.PostBackOfficeUpdateAsync(key, id, new { update_id = "B", status = "REOPEN", updated_datetime = W3c(Now().AddHours(-1)) }))
            .AssertStatusAsync(HttpStatusCode.OK);

        var report = await app.RequestRowAsync(id);
        Assert.Equal(("open", "REOPEN"), (report.Status, report.ExtendedStatus));
        Assert.Equal("Tiefbauamt", report.AgencyResponsible);
        Assert.Equal(expected, report.ExpectedAt);
        Assert.Null(report.StatusNotes);
    }
}
