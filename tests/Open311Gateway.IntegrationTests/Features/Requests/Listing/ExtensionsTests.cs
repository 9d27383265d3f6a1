using System.Net;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json.Linq;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;
using static Open311Gateway.IntegrationTests.Features.Requests.Listing.ListingCalls;

namespace Open311Gateway.IntegrationTests.Features.Requests.Listing;

/// <summary>
/// <c>extensions=true</c>: <c>extended_attributes</c> (detailed status, every photo, the case id where the catalogue
/// publishes it) and <c>notes</c> (the back office's updates, never citizens' follow-ups), in both formats.
/// </summary>
public sealed class ExtensionsTests(TwoJurisdictionsApp app) : IClassFixture<TwoJurisdictionsApp>
{
    private static readonly DateTimeOffset March1 = new(2026, 3, 1, 8, 30, 0, TimeSpan.Zero);

    private async Task<ServiceRequest> ReportWithHistoryAsync(string jurisdiction = TestCatalog.Jurisdiction)
    {
        var row = await Rows.InsertAsync(app, March1, r =>
        {
            r.ExtendedStatus = "IN_PROGRESS";
            r.StatusNotes = "Trupp ist unterwegs";
            r.ExternalCaseId = "FV-2026-0815";
            r.MediaUrls = ["https://example.org/a.jpg", "https://example.org/b.jpg"];
        }, jurisdiction: jurisdiction);
        await using var db = app.Database.CreateDbContext();
        db.RequestUpdates.AddRange(
            Update(row, RequestUpdateSources.BackOffice, "bo-2", "IN_PROGRESS", "Trupp ist unterwegs", March1.AddDays(2)),
            Update(row, RequestUpdateSources.BackOffice, "bo-1", "OPEN", "Eingegangen", March1.AddDays(1)),
            Update(row, RequestUpdateSources.Citizen, "c-1", null, "Es ist noch schlimmer geworden, Erika (0171 …)", March1.AddDays(3)));
        await db.SaveChangesAsync();
        return row;
    }

    private static RequestUpdate Update(ServiceRequest row, string source, string senderId, string? status, string text, DateTimeOffset at) => new()
    {
        ServiceRequestId = row.Id, Source = source, Sender = source + ":1", SenderUpdateId = senderId + "-" + row.Id,
        Status = status, Description = text, UpdatedAt = at, ReceivedAt = at, Email = "erika@example.org",
    };

    private static void AssertJson(string expected, JToken? actual) =>
        Assert.True(JToken.DeepEquals(JToken.Parse(expected), actual), $"expected {expected}, got {actual?.ToString(Newtonsoft.Json.Formatting.None)}");

    private async Task<JObject> JsonAsync(string path) =>
        Assert.IsType<JObject>(Assert.Single(Assert.IsType<JArray>(await Open311Assert.JsonAnswer(await app.Client.GetOpen311Async(path)))));

    [Fact]
    public async Task Extensions_add_the_detailed_status_every_photo_and_the_back_offices_notes_in_json()
    {
        var row = await ReportWithHistoryAsync();
        var request = await JsonAsync($"requests.json?jurisdiction_id={TestCatalog.Jurisdiction}&service_request_id={row.Id}&extensions=true");
        Assert.Equal("media_url", request.Properties().Reverse().Skip(2).First().Name);
        AssertJson("""{"detailed_status":"IN_PROGRESS","media_urls":["https://example.org/a.jpg","https://example.org/b.jpg"]}""", request["extended_attributes"]);
        var notes = Assert.IsType<JArray>(request["notes"]);
        Assert.Equal(["OPEN", "IN_PROGRESS"], notes.Select(n => (string)n["status"]!));
        Assert.Equal(["Eingegangen", "Trupp ist unterwegs"], notes.Select(n => (string)n["description"]!));
        Assert.Equal(["2026-03-02T09:30:00+01:00", "2026-03-03T09:30:00+01:00"], notes.Select(n => (string)n["datetime"]!));
        Assert.All(notes, n => Assert.Equal(["update_id", "datetime", "status", "description"], ((JObject)n).Properties().Select(p => p.Name)));
        Assert.DoesNotContain("erika", request.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Extensions_in_xml_are_elements_with_repeated_children()
    {
        var row = await ReportWithHistoryAsync();
        var xml = await Open311Assert.XmlAnswer(await app.Client.GetOpen311Async($"requests/{row.Id}.xml?extensions=true"));
        var request = xml.Root!.Element("request")!;
        var extended = request.Element("extended_attributes")!;
        Assert.Equal("IN_PROGRESS", extended.Element("detailed_status")!.Value);
        Assert.Equal(["https://example.org/a.jpg", "https://example.org/b.jpg"], extended.Element("media_urls")!.Elements("media_url").Select(e => e.Value));
        Assert.Null(extended.Element("external_case_id"));
        Assert.Equal(["Eingegangen", "Trupp ist unterwegs"], request.Element("notes")!.Elements("note").Select(n => n.Element("description")!.Value));
    }

    [Fact]
    public async Task Without_extensions_the_answer_is_the_standards_exactly()
    {
        var row = await ReportWithHistoryAsync();
        foreach (var query in new[] { "", "&extensions=false", "&extensions=" })
        {
            var request = await JsonAsync($"requests.json?jurisdiction_id={TestCatalog.Jurisdiction}&service_request_id={row.Id}{query}");
            Assert.Equal("media_url", request.Properties().Last().Name);
            Assert.Null(request["notes"]);
        }
    }

    [Fact]
    public async Task The_case_id_is_published_only_where_the_catalogue_says_so()
    {
        await using (var db = app.Database.CreateDbContext())
            await db.Jurisdictions.Where(j => j.Id == TestCatalog.SecondJurisdiction).ExecuteUpdateAsync(s => s.SetProperty(j => j.PublicCaseId, true));
        var published = await ReportWithHistoryAsync(TestCatalog.SecondJurisdiction);
        var kept = await ReportWithHistoryAsync();
        var there = await JsonAsync($"requests/{published.Id}.json?extensions=true");
        Assert.Equal("FV-2026-0815", (string?)there["extended_attributes"]!["external_case_id"]);
        var here = await JsonAsync($"requests/{kept.Id}.json?extensions=true");
        Assert.Null(here["extended_attributes"]!["external_case_id"]);
        Assert.Null((await JsonAsync($"requests/{published.Id}.json"))["extended_attributes"]);
    }

    [Fact]
    public async Task A_report_without_history_or_photos_has_empty_lists()
    {
        var row = await Rows.InsertAsync(app, March1);
        var request = await JsonAsync($"requests/{row.Id}.json?extensions=TRUE");
        AssertJson("""{"detailed_status":"OPEN","media_urls":[]}""", request["extended_attributes"]);
        AssertJson("[]", request["notes"]);
    }

    [Fact]
    public async Task A_bad_extensions_value_answers_400_for_one_request_too()
    {
        var row = await Rows.InsertAsync(app, March1);
        Assert.Equal(["extensions 'yes' is not true or false."],
            await Open311Assert.JsonErrors(await app.Client.GetOpen311Async($"requests/{row.Id}.json?extensions=yes"), HttpStatusCode.BadRequest));
    }
}
