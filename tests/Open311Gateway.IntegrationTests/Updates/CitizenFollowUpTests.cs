using System.Net;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json.Linq;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.IntegrationTests.BackOffice;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Updates;

/// <summary>A citizen's follow-up through a client app, as FixMyStreet posts it.</summary>
public sealed class CitizenFollowUpTests(GatewayApp app) : IClassFixture<GatewayApp>
{
    private const string Email = "erika.mustermann@example.org";

    [Fact]
    public async Task A_follow_up_is_stored_and_answered_with_our_update_id_in_xml()
    {
        var id = await app.PostReportAsync();

        var response = await app.Client.PostFormAsync("servicerequestupdates.xml", FollowUp(id, "FMS-1",
            ("status", "reopen"), ("updated_datetime", "2026-11-26T18:00:00+0100"), ("media_url", "https://fixmystreet.example.org/photo/1.jpeg")));

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var row = Assert.Single(await app.UpdatesOfAsync(id));
        var root = (await response.XmlAsync()).Root!;
        Assert.Equal("service_request_updates", root.Name.LocalName);
        var item = Assert.Single(root.Elements());
        Assert.Equal("request_update", item.Name.LocalName);
        Assert.Equal(row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)Assert.Single(item.Elements("update_id")));
        Assert.Single(item.Elements());

        Assert.Equal(RequestUpdateSources.Citizen, row.Source);
        Assert.Equal("client:" + await ClientIdAsync(), row.Sender);
        Assert.Equal("FMS-1", row.SenderUpdateId);
        Assert.Equal("REOPEN", row.Status);
        Assert.Equal("Das Loch ist wieder da.\r\nBitte nochmal ansehen.", row.Description);
        Assert.Equal("https://fixmystreet.example.org/photo/1.jpeg", row.MediaUrl);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 17, 0, 0, TimeSpan.Zero), row.UpdatedAt);
        Assert.Equal((Email, "Erika", "Mustermann", "fms-user-42"), (row.Email, row.FirstName, row.LastName, row.AccountId));
    }

    [Fact]
    public async Task A_follow_up_is_answered_as_a_json_array()
    {
        var id = await app.PostReportAsync();

        var response = await app.Client.PostFormAsync("servicerequestupdates.json", FollowUp(id, "FMS-JSON"));

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var row = Assert.Single(await app.UpdatesOfAsync(id));
        BackOfficeHelpers.AssertSameJson(new JArray(new JObject { ["update_id"] = row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            await response.JsonAsync());
        Assert.InRange(row.UpdatedAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task A_follow_up_does_not_change_the_reports_public_status()
    {
        var id = await app.PostReportAsync();
        var before = await app.RequestRowAsync(id);

        await (await app.Client.PostFormAsync("servicerequestupdates.json", FollowUp(id, "FMS-CLOSE", ("status", "CLOSED"))))
            .AssertStatusAsync(HttpStatusCode.OK);

        var after = await app.RequestRowAsync(id);
        Assert.Equal((before.Status, before.ExtendedStatus, before.StatusNotes, before.UpdatedAt), (after.Status, after.ExtendedStatus, after.StatusNotes, after.UpdatedAt));
        Assert.Equal("open", (string)(await (await app.Client.GetOpen311Async($"requests/{id}.json")).JsonAsync())[0]!["status"]!);
    }

    [Fact]
    public async Task A_follow_up_and_its_personal_data_are_never_published()
    {
        var id = await app.PostReportAsync();
        var updateId = (string)(await (await app.Client.PostFormAsync("servicerequestupdates.json", FollowUp(id, "FMS-PRIVAT"))).JsonAsync())[0]!["update_id"]!;

        foreach (var path in new[] { "servicerequestupdates.json", "servicerequestupdates.xml", "requests.json", "requests.xml", $"requests/{id}.json", $"requests/{id}.xml" })
        {
            var response = await app.Client.GetOpen311Async(path);
            await response.AssertStatusAsync(HttpStatusCode.OK);
            var body = await response.Content.ReadAsStringAsync();
            foreach (var secret in new[] { Email, "Erika", "Mustermann", "fms-user-42", "Das Loch ist wieder da", "email", "first_name", "account_id" })
                Assert.DoesNotContain(secret, body);
        }
        var listed = await (await app.Client.GetOpen311Async("servicerequestupdates.json")).JsonAsync();
        Assert.DoesNotContain(listed, u => (string)u["update_id"]! == updateId);
    }

    [Fact]
    public async Task A_resent_follow_up_answers_the_same_update_id_and_writes_nothing_new()
    {
        var id = await app.PostReportAsync();
        var first = await (await app.Client.PostFormAsync("servicerequestupdates.json", FollowUp(id, "FMS-TWICE"))).JsonAsync();

        var again = await app.Client.PostFormAsync("servicerequestupdates.json", FollowUp(id, "FMS-TWICE", ("status", "REOPEN")));

        await again.AssertStatusAsync(HttpStatusCode.OK);
        BackOfficeHelpers.AssertSameJson(first, await again.JsonAsync());
        Assert.Null(Assert.Single(await app.UpdatesOfAsync(id)).Status);
    }

    [Fact]
    public async Task Without_a_valid_api_key_a_follow_up_is_refused_with_403_before_anything_else()
    {
        var id = await app.PostReportAsync();

        var missing = await app.Client.PostFormAsync("servicerequestupdates.json", ("service_request_id", id));
        var wrong = await app.Client.PostFormAsync("servicerequestupdates.xml", ("api_key", "o311_000000000000_falsch"), ("service_request_id", "999999"));

        Assert.Equal(HttpStatusCode.Forbidden, missing.StatusCode);
        Assert.Equal("403", (string)(await missing.JsonAsync())[0]!["code"]!);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal("errors", (await wrong.XmlAsync()).Root!.Name.LocalName);
        Assert.Empty(await app.UpdatesOfAsync(id));
    }

    [Theory]
    [InlineData("999999999")]
    [InlineData("kein-bericht")]
    public async Task A_follow_up_on_an_unknown_report_answers_404(string unknownId)
    {
        var response = await app.Client.PostFormAsync("servicerequestupdates.json", FollowUp(unknownId, "FMS-404"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal($"Unknown service_request_id '{unknownId}'.", (string)(await response.JsonAsync())[0]!["description"]!);
    }

    [Fact]
    public async Task A_follow_up_without_a_report_id_answers_400()
    {
        var response = await app.Client.PostFormAsync("servicerequestupdates.json", ("api_key", app.ApiKey), ("update_id", "X"), ("description", "Hallo"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("service_request_id is required.", (string)(await response.JsonAsync())[0]!["description"]!);
    }

    [Fact]
    public async Task Every_problem_of_a_follow_up_is_listed_at_once()
    {
        var id = await app.PostReportAsync();

        var response = await app.Client.PostFormAsync("servicerequestupdates.json",
            ("api_key", app.ApiKey), ("service_request_id", id), ("status", "WIEDER_OFFEN"), ("updated_datetime", "gestern"), ("email", "keine-adresse"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).Select(e => (string)e["description"]!).ToList();
        Assert.Equal(5, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("update_id is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("status 'WIEDER_OFFEN' is not one of: OPEN", StringComparison.Ordinal));
        Assert.Contains("description or media_url is required.", errors);
        Assert.Contains(errors, e => e.StartsWith("updated_datetime 'gestern' is not a W3C date-time", StringComparison.Ordinal));
        Assert.Contains("email 'keine-adresse' is not an e-mail address.", errors);
        Assert.Empty(await app.UpdatesOfAsync(id));
    }

    [Fact]
    public async Task A_follow_up_dated_far_in_the_future_answers_400_and_a_few_minutes_of_clock_skew_are_allowed()
    {
        var id = await app.PostReportAsync();
        var tomorrow = BackOfficeHelpers.W3c(BackOfficeHelpers.Now().AddDays(1));

        var future = await app.Client.PostFormAsync("servicerequestupdates.json", FollowUp(id, "FMS-FUTURE", ("updated_datetime", tomorrow)));
        var skewed = await app.Client.PostFormAsync("servicerequestupdates.json",
            FollowUp(id, "FMS-SKEW", ("updated_datetime", BackOfficeHelpers.W3c(BackOfficeHelpers.Now().AddMinutes(2)))));

        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Equal([$"updated_datetime '{tomorrow}' lies in the future."], (await future.JsonAsync()).Select(e => (string)e["description"]!));
        await skewed.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("FMS-SKEW", Assert.Single(await app.UpdatesOfAsync(id)).SenderUpdateId);
    }

    [Fact]
    public async Task A_photo_alone_is_a_follow_up()
    {
        var id = await app.PostReportAsync();

        var response = await app.Client.PostFormAsync("servicerequestupdates.json",
            ("api_key", app.ApiKey), ("service_request_id", id), ("update_id", "FOTO"), ("media_url", "https://fixmystreet.example.org/photo/2.jpeg"));

        await response.AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Without_a_delivery_route_a_follow_up_is_only_stored()
    {
        var id = await app.PostReportAsync();

        await (await app.Client.PostFormAsync("servicerequestupdates.json", FollowUp(id, "FMS-NOROUTE"))).AssertStatusAsync(HttpStatusCode.OK);

        await using var db = app.Database.CreateDbContext();
        var update = Assert.Single(await app.UpdatesOfAsync(id));
        Assert.False(await db.Deliveries.AnyAsync(d => d.RequestUpdateId == update.Id));
    }

    private (string, string)[] FollowUp(string requestId, string updateId, params (string, string)[] extra) =>
    [
        ("api_key", app.ApiKey), ("jurisdiction_id", ""), ("service_request_id", requestId), ("update_id", updateId),
        ("description", "Das Loch ist wieder da.\r\nBitte nochmal ansehen."),
        ("email", Email), ("first_name", "Erika"), ("last_name", "Mustermann"), ("account_id", "fms-user-42"), .. extra,
    ];

    private async Task<long> ClientIdAsync()
    {
        await using var db = app.Database.CreateDbContext();
        return (await db.ApiClients.SingleAsync(c => c.Name == "Testclient")).Id;
    }
}
