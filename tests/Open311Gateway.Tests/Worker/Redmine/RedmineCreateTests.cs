using System.Net;
using System.Text.Json;
using Open311Gateway.Contracts;
using Open311Gateway.Worker.Adapters;
using Open311Gateway.Worker.Destinations;

namespace Open311Gateway.Tests.Worker.Redmine;

/// <summary>A report becomes one Redmine issue: looked up by our id first, created only when Redmine has none.</summary>
public class RedmineCreateTests
{
    private const string NoIssues = """{"issues":[],"total_count":0,"offset":0,"limit":25}""";

    private static RedmineStub Redmine(string lookup = NoIssues, HttpStatusCode createStatus = HttpStatusCode.Created, string? createBody = null) =>
        new RedmineStub()
            .On(HttpMethod.Get, "issues.json?", HttpStatusCode.OK, lookup)
            .On(HttpMethod.Post, "issues.json", createStatus, createBody ?? $$"""{"issue":{{RedmineSamples.Issue(501)}}}""");

    private static async Task<AdapterResult> Forward(RedmineStub redmine, ServiceRequestSubmitted? message = null, IDictionary<string, string?>? settings = null)
    {
        await using var provider = RedmineTestServices.Create(redmine, settings);
        return await RedmineTestServices.Adapter(provider).ForwardRequestAsync(message ?? RedmineSamples.Report(), AttemptContext.First, CancellationToken.None);
    }

    [Fact]
    public async Task A_report_is_created_as_an_issue_with_project_tracker_category_subject_and_our_id_and_coordinates_in_custom_fields()
    {
        var redmine = Redmine();

        var result = await Forward(redmine);

        Assert.Equal(DeliveryOutcome.Delivered, result.Outcome);
        Assert.Equal("501", result.ExternalCaseId);
        Assert.Equal(201, result.HttpStatus);
        var post = Assert.Single(redmine.CallsTo(HttpMethod.Post, "issues.json"));
        Assert.Equal("https://redmine.musterstadt.example/redmine/issues.json", post.Request.RequestUri!.ToString());
        Assert.Equal(RedmineSamples.ApiKey, post.Header("X-Redmine-API-Key"));
        Assert.Equal("application/json; charset=utf-8", post.Request.Content!.Headers.ContentType!.ToString());
        var issue = post.Json.GetProperty("issue");
        Assert.Equal(["project_id", "tracker_id", "category_id", "subject", "description", "custom_fields"], issue.EnumerateObject().Select(p => p.Name));
        Assert.Equal("maengel", issue.GetProperty("project_id").GetString());
        Assert.Equal(3, issue.GetProperty("tracker_id").GetInt32());
        Assert.Equal(7, issue.GetProperty("category_id").GetInt32());
        Assert.Equal("Schlagloch / Straßenschaden: Königstraße 5, 48143 Musterstadt", issue.GetProperty("subject").GetString());
        Assert.Equal(
            [(11, "musterstadt.de/4711"), (12, "51.96236"), (13, "7.62571"), (14, "405577.31"), (15, "5757743.76")],
            issue.GetProperty("custom_fields").EnumerateArray().Select(f => (f.GetProperty("id").GetInt32(), f.GetProperty("value").GetString())));
    }

    [Fact]
    public async Task Without_a_crs_the_easting_and_northing_fields_and_lines_are_left_out()
    {
        var redmine = Redmine();

        await Forward(redmine, RedmineSamples.Report() with { ProjectedCrs = null, Easting = null, Northing = null });

        var issue = Assert.Single(redmine.CallsTo(HttpMethod.Post, "issues.json")).Json.GetProperty("issue");
        Assert.Equal([11, 12, 13], issue.GetProperty("custom_fields").EnumerateArray().Select(f => f.GetProperty("id").GetInt32()));
        Assert.DoesNotContain("Ostwert", issue.GetProperty("description").GetString());
    }

    [Fact]
    public async Task The_description_holds_every_field_the_coordinates_with_a_map_link_the_photos_and_the_contact_data()
    {
        var redmine = Redmine();

        await Forward(redmine);

        var description = Assert.Single(redmine.CallsTo(HttpMethod.Post, "issues.json")).Json.GetProperty("issue").GetProperty("description").GetString();
        Assert.Equal("""
            Tiefes Schlagloch vor der Bäckerei Müller, Radfahrer müssen ausweichen.

            Ort:

            * Adresse: Königstraße 5, 48143 Musterstadt
            * Adress-ID: addr-9
            * Koordinaten: 51.96236, 7.62571
            * Ostwert, Nordwert (EPSG:25832): 405577.31, 5757743.76
            * Karte: https://www.openstreetmap.org/?mlat=51.96236&mlon=7.62571#map=18/51.96236/7.62571

            Angaben:

            * GROESSE_KLASSE: groß
            * gefahr: radweg, nachts

            Fotos:

            * https://media.example/a.jpg
            * https://media.example/b.jpg

            Kontakt:

            * Name: Jürgen Größe-Müller
            * E-Mail: jürgen.größe@example.de
            * Telefon: +49 251 123456

            Open311:

            * Meldung: musterstadt.de/4711
            * Eingegangen: 2026-03-01 09:30:00 +01:00
            * Dienst: Schlagloch / Straßenschaden [schlagloch (STR-042)]
            * Gerät: device-1
            * Konto: account-7

            """.ReplaceLineEndings("\n"), description);
    }

    [Fact]
    public async Task Before_creating_it_looks_our_id_up_in_the_project_closed_issues_included()
    {
        var redmine = Redmine();

        await Forward(redmine);

        var calls = redmine.Calls.ToList();
        Assert.Equal([HttpMethod.Get, HttpMethod.Post], calls.Select(c => c.Request.Method));
        Assert.Equal(
            "issues.json?project_id=maengel&f[]=status_id&op[status_id]=*&f[]=cf_11&op[cf_11]==&v[cf_11][]=musterstadt.de/4711&sort=id&limit=25",
            RedmineStub.PathAndQuery(calls[0].Request));
        Assert.Equal(RedmineSamples.ApiKey, calls[0].Header("X-Redmine-API-Key"));
    }

    [Fact]
    public async Task A_report_whose_issue_exists_already_even_closed_is_delivered_with_that_issue_and_nothing_is_created()
    {
        var redmine = Redmine(lookup: RedmineSamples.IssueList(RedmineSamples.Issue(377, statusId: 5), RedmineSamples.Issue(390)));

        var result = await Forward(redmine);

        Assert.Equal(DeliveryOutcome.Delivered, result.Outcome);
        Assert.Equal("377", result.ExternalCaseId);
        Assert.Empty(redmine.CallsTo(HttpMethod.Post, "issues.json"));
    }

    [Fact]
    public async Task A_look_up_that_Redmine_did_not_filter_by_our_field_creates_nothing_and_is_poison()
    {
        // Redmine ignores a filter on a field that is not "used as a filter" and answers with the project's issues.
        var redmine = Redmine(lookup: RedmineSamples.IssueList(RedmineSamples.Issue(12, ourId: "musterstadt.de/1"), RedmineSamples.Issue(13, ourId: null)));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Forward(redmine));

        Assert.Contains("used as a filter", error.Message);
        Assert.Empty(redmine.CallsTo(HttpMethod.Post, "issues.json"));
    }

    [Fact]
    public async Task A_validation_error_is_a_rejection_with_Redmines_errors()
    {
        var redmine = Redmine(createStatus: HttpStatusCode.UnprocessableEntity,
            createBody: """{"errors":["Category is not included in the list","Subject cannot be blank"]}""");

        var result = await Forward(redmine);

        Assert.Equal(DeliveryOutcome.Rejected, result.Outcome);
        Assert.Equal(422, result.HttpStatus);
        Assert.Contains("Category is not included in the list; Subject cannot be blank", result.Detail);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task Key_trouble_a_wrong_address_and_server_errors_when_creating_fail_the_attempt_for_a_later_one(HttpStatusCode status)
    {
        var result = await Forward(Redmine(createStatus: status, createBody: ""));

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.Equal((int)status, result.HttpStatus);
    }

    [Fact]
    public async Task A_look_up_that_fails_creates_nothing_and_fails_the_attempt()
    {
        var redmine = new RedmineStub()
            .On(HttpMethod.Get, "issues.json?", HttpStatusCode.ServiceUnavailable, "")
            .On(HttpMethod.Post, "issues.json", HttpStatusCode.Created, $$"""{"issue":{{RedmineSamples.Issue(501)}}}""");

        var result = await Forward(redmine);

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.Equal(503, result.HttpStatus);
        Assert.Empty(redmine.CallsTo(HttpMethod.Post, "issues.json"));
    }

    [Fact]
    public async Task Redmine_that_does_not_answer_in_time_fails_the_attempt_within_the_timeout()
    {
        var redmine = new RedmineStub().On(HttpMethod.Get, _ => true, async (_, cancellationToken) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
            return RedmineStub.Json(HttpStatusCode.OK, NoIssues);
        });

        var result = await Forward(redmine, settings: new Dictionary<string, string?> { ["Adapters:Redmine:TimeoutSeconds"] = "0.3" });

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.Contains("within 0.3 s", result.Detail);
    }

    [Fact]
    public async Task A_2xx_without_an_issue_id_fails_the_attempt_so_that_the_next_one_finds_the_issue_by_our_id()
    {
        var result = await Forward(Redmine(createStatus: HttpStatusCode.Created, createBody: "<html>ok</html>"));

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
    }

    [Fact]
    public async Task Without_an_API_key_for_the_jurisdiction_nothing_is_sent_and_the_message_is_poison()
    {
        var redmine = Redmine();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Forward(redmine, settings: new Dictionary<string, string?> { ["Adapters:Redmine:ApiKeys:" + WorkerTestServices.Jurisdiction] = "" }));

        Assert.Contains("Adapters:Redmine:ApiKeys:musterstadt.de", error.Message);
        Assert.Empty(redmine.Calls);
    }

    [Fact]
    public async Task A_Redmine_host_the_workers_configuration_does_not_allow_gets_nothing()
    {
        var redmine = Redmine();
        var message = RedmineSamples.Report() with { Route = RedmineSamples.Route() with { Endpoint = "https://elsewhere.example/redmine" } };

        await Assert.ThrowsAsync<DestinationNotAllowedException>(() => Forward(redmine, message));

        Assert.Empty(redmine.Calls);
    }

    [Fact]
    public async Task A_route_without_project_or_our_id_field_is_poison()
    {
        var withoutField = RedmineSamples.Report() with
        {
            Route = RedmineSamples.Route() with { Settings = new Dictionary<string, string> { ["project"] = "maengel" } },
        };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Forward(Redmine(), withoutField));

        Assert.Contains("our_id_field", error.Message);
    }

    [Fact]
    public async Task A_report_without_address_or_description_is_named_by_its_coordinates_and_sends_only_the_fields_it_has()
    {
        var redmine = Redmine();
        var bare = RedmineSamples.Report() with
        {
            AddressString = null, Description = null, AddressId = null, MediaUrls = [], Email = null, Phone = null,
            FirstName = null, LastName = null, DeviceId = null, AccountId = null, Attributes = new Dictionary<string, IReadOnlyList<string>>(),
            Route = RedmineSamples.Route() with { Settings = new Dictionary<string, string> { ["project"] = "maengel", ["our_id_field"] = "11" } },
        };

        await Forward(redmine, bare);

        var issue = Assert.Single(redmine.CallsTo(HttpMethod.Post, "issues.json")).Json.GetProperty("issue");
        Assert.Equal("Schlagloch / Straßenschaden: 51.96236, 7.62571", issue.GetProperty("subject").GetString());
        Assert.False(issue.TryGetProperty("tracker_id", out _));
        Assert.False(issue.TryGetProperty("category_id", out _));
        Assert.Equal([11], issue.GetProperty("custom_fields").EnumerateArray().Select(f => f.GetProperty("id").GetInt32()));
        var description = issue.GetProperty("description").GetString()!;
        Assert.StartsWith("Ort:", description);
        Assert.DoesNotContain("Kontakt", description);
        Assert.DoesNotContain(JsonValueKind.Null, issue.EnumerateObject().Select(p => p.Value.ValueKind));
    }
}
