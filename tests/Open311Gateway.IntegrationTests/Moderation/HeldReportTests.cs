using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json.Linq;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.IntegrationTests.BackOffice;
using Open311Gateway.IntegrationTests.Features.Requests;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Moderation;

/// <summary>
/// In a jurisdiction that holds new reports, the public sees a report only once it is released, while its delivery
/// to the back office is planned at once (ADR 15).
/// </summary>
public sealed class HeldReportTests(HeldReportsApp app) : IClassFixture<HeldReportsApp>
{
    [Fact]
    public async Task A_held_report_is_answered_with_its_id_and_its_delivery_is_in_the_outbox_at_once()
    {
        var id = await app.PostReportAsync();

        var row = await app.RequestRowAsync(id);
        Assert.Equal(ModerationStates.Held, row.Moderation);
        await using var db = app.Database.CreateDbContext();
        var delivery = await db.Deliveries.AsNoTracking().SingleAsync(d => d.ServiceRequestId == row.Id);
        Assert.Equal((DeliveryKinds.Request, DeliveryStates.InFlight), (delivery.Kind, delivery.State));
        var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.MessageType == "Open311Gateway.Contracts.ServiceRequestSubmitted").ToListAsync();
        var message = Assert.Single(messages, m => (string?)JObject.Parse(m.Payload)["serviceRequestId"] == id);
        Assert.Equal(HeldReportsApp.Endpoint, (string?)JObject.Parse(message.Payload)["route"]!["endpoint"]);
    }

    [Fact]
    public async Task A_held_report_answers_404_to_every_public_read_and_to_citizens_follow_ups()
    {
        var id = await app.PostReportAsync();
        var key = await app.CreateBackOfficeKeyAsync();
        await (await app.PostBackOfficeUpdateAsync(key, id, new { update_id = "HELD-1", status = "IN_PROGRESS" })).AssertStatusAsync(HttpStatusCode.OK);

        await AssertNotPublicAsync(id);
        var followUp = await app.Client.PostFormAsync("servicerequestupdates.json",
            ("api_key", app.ApiKey), ("service_request_id", id), ("update_id", "APP-HELD"), ("description", "Noch da."));
        Assert.Equal([$"Unknown service_request_id '{id}'."], await Open311Assert.JsonErrors(followUp, HttpStatusCode.NotFound));
        Assert.DoesNotContain(await app.UpdatesOfAsync(id), u => u.Source == RequestUpdateSources.Citizen);
    }

    [Fact]
    public async Task A_held_batch_reports_token_answers_404_until_it_is_released()
    {
        var post = await app.Client.PostFormAsync("requests.json",
            ("api_key", app.ApiKey), ("service_code", "WILDER_MUELL"), ("address_string", "Waldweg 9"));
        var token = (string)(await post.JsonAsync())[0]!["token"]!;
        Assert.Equal([$"Unknown token '{token}'."],
            await Open311Assert.JsonErrors(await app.Client.GetOpen311Async($"tokens/{token}.json"), HttpStatusCode.NotFound));
        await using (var db = app.Database.CreateDbContext())
        {
            var id = await db.ServiceRequests.Where(r => r.Token == token).Select(r => r.Id).SingleAsync();
            await (await ModerateAsync(await app.CreateBackOfficeKeyAsync(), id.ToString(CultureInfo.InvariantCulture), "release")).AssertStatusAsync(HttpStatusCode.OK);
        }

        await (await app.Client.GetOpen311Async($"tokens/{token}.json")).AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_back_office_releases_a_held_report_which_moves_its_public_change_time_once()
    {
        var id = await app.PostReportAsync();
        var key = await app.CreateBackOfficeKeyAsync();
        await (await app.PostBackOfficeUpdateAsync(key, id, new { update_id = "REL-1", status = "IN_PROGRESS" })).AssertStatusAsync(HttpStatusCode.OK);
        var held = await app.RequestRowAsync(id);
        var before = DateTimeOffset.UtcNow;

        var release = await ModerateAsync(key, id, "release");

        await release.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("application/json; charset=utf-8", release.Content.Headers.ContentType?.ToString());
        BackOfficeHelpers.AssertSameJson(Moderated(id, "published", changed: true, visible: true), await release.JsonAsync());
        var released = await app.RequestRowAsync(id);
        Assert.Equal(ModerationStates.Published, released.Moderation);
        Assert.True(released.PublicChangedAt > held.PublicChangedAt, "releasing moves public_changed_at");
        Assert.InRange(released.PublicChangedAt, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(id, (string)(await (await app.Client.GetOpen311Async($"requests/{id}.json")).JsonAsync())[0]!["service_request_id"]!);
        Assert.Contains(id, await app.ListedIdsAsync("requests.json"));
        Assert.Contains(id, await app.ListedIdsAsync("servicerequestupdates.json"));

        var again = await ModerateAsync(key, id, "release");

        BackOfficeHelpers.AssertSameJson(Moderated(id, "published", changed: false, visible: true), await again.JsonAsync());
        Assert.Equal(released.PublicChangedAt, (await app.RequestRowAsync(id)).PublicChangedAt);
    }

    [Fact]
    public async Task The_back_office_hides_a_released_report_and_may_release_it_again()
    {
        var id = await app.PostReportAsync();
        var key = await app.CreateBackOfficeKeyAsync();
        await (await ModerateAsync(key, id, "release")).AssertStatusAsync(HttpStatusCode.OK);
        var released = await app.RequestRowAsync(id);

        var hide = await ModerateAsync(key, id, "hide");

        BackOfficeHelpers.AssertSameJson(Moderated(id, "hidden", changed: true, visible: false), await hide.JsonAsync());
        var hidden = await app.RequestRowAsync(id);
        Assert.Equal(ModerationStates.Hidden, hidden.Moderation);
        Assert.True(hidden.PublicChangedAt > released.PublicChangedAt, "hiding moves public_changed_at");
        await AssertNotPublicAsync(id);
        BackOfficeHelpers.AssertSameJson(Moderated(id, "hidden", changed: false, visible: false), await (await ModerateAsync(key, id, "hide")).JsonAsync());
        Assert.Equal(hidden.PublicChangedAt, (await app.RequestRowAsync(id)).PublicChangedAt);

        await (await ModerateAsync(key, id, "release")).AssertStatusAsync(HttpStatusCode.OK);

        await (await app.Client.GetOpen311Async($"requests/{id}.json")).AssertStatusAsync(HttpStatusCode.OK);
    }

    private async Task AssertNotPublicAsync(string id)
    {
        Assert.Equal([$"Unknown service_request_id '{id}'."],
            await Open311Assert.JsonErrors(await app.Client.GetOpen311Async($"requests/{id}.json"), HttpStatusCode.NotFound));
        Assert.Equal([$"Unknown service_request_id '{id}'."],
            await Open311Assert.XmlErrors(await app.Client.GetOpen311Async($"requests/{id}.xml"), HttpStatusCode.NotFound));
        Assert.DoesNotContain(id, await app.ListedIdsAsync("requests.json"));
        Assert.DoesNotContain(id, await app.ListedIdsAsync($"requests.json?service_request_id={id}"));
        var updates = (JArray)await (await app.Client.GetOpen311Async("servicerequestupdates.json")).JsonAsync();
        Assert.DoesNotContain(updates, u => (string?)u["service_request_id"] == id);
    }

    private Task<HttpResponseMessage> ModerateAsync(string key, string id, string action) => app.PostModerationAsync(key, id, action);

    private static JObject Moderated(string id, string state, bool changed, bool visible) => new()
    {
        ["service_request_id"] = id, ["moderation"] = state, ["changed"] = changed, ["visible_to_public"] = visible,
    };
}
