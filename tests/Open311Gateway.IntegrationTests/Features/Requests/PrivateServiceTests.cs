using System.Net;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json.Linq;
using Open311Gateway.IntegrationTests.BackOffice;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Features.Requests;

/// <summary>A private service's reports are accepted and stored for the municipality, and no public answer shows them (ADR 15).</summary>
public sealed class PrivateServiceTests(PracticeApp app) : IClassFixture<PracticeApp>
{
    [Fact]
    public async Task A_private_report_is_stored_and_answered_with_its_id_but_no_public_read_shows_it()
    {
        var id = await app.PostIdAtAsync(PracticeApp.Vandalism, 52.30, 13.40);
        var key = await app.CreateBackOfficeKeyAsync();
        await (await app.PostBackOfficeUpdateAsync(key, id, new { update_id = "PRIVAT-1", status = "IN_PROGRESS" })).AssertStatusAsync(HttpStatusCode.OK);

        Assert.True((await app.RequestRowAsync(id)).IsPrivate);
        Assert.Equal(
            [$"Unknown service_request_id '{id}'."],
            await Open311Assert.JsonErrors(await app.Client.GetOpen311Async($"requests/{id}.json"), HttpStatusCode.NotFound));
        Assert.Equal(
            [$"Unknown service_request_id '{id}'."],
            await Open311Assert.XmlErrors(await app.Client.GetOpen311Async($"requests/{id}.xml"), HttpStatusCode.NotFound));
        Assert.DoesNotContain(id, await app.ListedIdsAsync("requests.json"));
        Assert.DoesNotContain(id, await app.ListedIdsAsync($"requests.json?service_request_id={id}"));
        Assert.DoesNotContain(id, await app.ListedIdsAsync($"requests.json?service_code={PracticeApp.Vandalism}"));
        Assert.DoesNotContain(id, await app.ListedIdsAsync("servicerequestupdates.json"));
        var followUp = await app.Client.PostFormAsync("servicerequestupdates.json",
            ("api_key", app.ApiKey), ("service_request_id", id), ("update_id", "APP-1"), ("description", "Noch da."));
        Assert.Equal([$"Unknown service_request_id '{id}'."], await Open311Assert.JsonErrors(followUp, HttpStatusCode.NotFound));
        Assert.Single(await app.UpdatesOfAsync(id));
    }

    [Fact]
    public async Task A_private_batch_reports_token_answers_404_as_an_unknown_one()
    {
        var token = (string)(await app.PostAtAsync(PracticeApp.PrivateWaste, 52.31, 13.40))["token"]!;

        Assert.Equal([$"Unknown token '{token}'."],
            await Open311Assert.JsonErrors(await app.Client.GetOpen311Async($"tokens/{token}.json"), HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task A_private_service_is_still_listed_so_that_citizens_can_report_to_it()
    {
        var services = (JArray)await (await app.Client.GetOpen311Async("services.json")).JsonAsync();

        Assert.Contains(services, s => (string?)s["service_code"] == PracticeApp.Vandalism);
        Assert.Contains(services, s => (string?)s["service_code"] == PracticeApp.PrivateWaste);
    }

    [Fact]
    public async Task Making_a_service_private_takes_its_earlier_reports_from_public_view()
    {
        var id = await app.PostIdAtAsync(PracticeApp.Drain, 52.32, 13.40);
        Assert.Contains(id, await app.ListedIdsAsync("requests.json"));
        try
        {
            await SetPrivateAsync(PracticeApp.Drain, true);

            Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetOpen311Async($"requests/{id}.json")).StatusCode);
            Assert.DoesNotContain(id, await app.ListedIdsAsync("requests.json"));
        }
        finally
        {
            await SetPrivateAsync(PracticeApp.Drain, false);
        }
        Assert.Contains(id, await app.ListedIdsAsync("requests.json"));
    }

    [Fact]
    public async Task A_report_filed_as_private_stays_unpublished_when_its_service_is_made_public()
    {
        var id = await app.PostIdAtAsync(PracticeApp.Vandalism, 52.33, 13.40);
        try
        {
            await SetPrivateAsync(PracticeApp.Vandalism, false);

            Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetOpen311Async($"requests/{id}.json")).StatusCode);
            Assert.DoesNotContain(id, await app.ListedIdsAsync("requests.json"));
        }
        finally
        {
            await SetPrivateAsync(PracticeApp.Vandalism, true);
        }
    }

    private async Task SetPrivateAsync(string serviceCode, bool isPrivate)
    {
        await using var db = app.Database.CreateDbContext();
        await db.Services.Where(s => s.Code == serviceCode).ExecuteUpdateAsync(set => set.SetProperty(s => s.IsPrivate, isPrivate));
    }
}
