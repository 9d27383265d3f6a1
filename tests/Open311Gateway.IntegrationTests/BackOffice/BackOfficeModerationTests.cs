using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.BackOffice;

/// <summary>Release and hide take a back office's key and reach only that jurisdiction's reports, like status updates.</summary>
public sealed class BackOfficeModerationTests(TwoJurisdictionsApp app) : IClassFixture<TwoJurisdictionsApp>
{
    [Theory]
    [InlineData("release")]
    [InlineData("hide")]
    public async Task Without_a_valid_key_the_answer_is_401_with_a_bearer_challenge_and_nothing_changes(string action)
    {
        var id = await app.PostReportInTeststadtAsync();
        var before = await app.RequestRowAsync(id);

        foreach (var key in new string?[] { null, "o311_unbekannt_falsch", app.ApiKey })
        {
            var response = await app.PostModerationAsync(key, id, action);

            Assert.Equal(["A valid back-office key is required: send Authorization: Bearer o311_<key id>_<secret>."],
                await Open311Assert.JsonErrors(response, HttpStatusCode.Unauthorized));
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        }
        var after = await app.RequestRowAsync(id);
        Assert.Equal((before.Moderation, before.PublicChangedAt), (after.Moderation, after.PublicChangedAt));
    }

    [Fact]
    public async Task Another_jurisdictions_report_answers_404_just_as_an_unknown_or_malformed_id()
    {
        var neighbourKey = await app.CreateBackOfficeKeyAsync(TestCatalog.SecondJurisdiction);
        var teststadt = await app.PostReportInTeststadtAsync();

        foreach (var id in new[] { teststadt, "999999999", "abc", "0" })
        {
            Assert.Equal([$"Unknown service_request_id '{id}'."],
                await Open311Assert.JsonErrors(await app.PostModerationAsync(neighbourKey, id, "hide"), HttpStatusCode.NotFound));
        }
        Assert.Equal(ModerationStates.Published, (await app.RequestRowAsync(teststadt)).Moderation);
    }

    [Fact]
    public async Task A_jurisdictions_own_back_office_hides_its_report()
    {
        var neighbourKey = await app.CreateBackOfficeKeyAsync(TestCatalog.SecondJurisdiction);
        var neighbours = await Rows.InsertAsync(app, DateTimeOffset.UtcNow.AddHours(-1), jurisdiction: TestCatalog.SecondJurisdiction);
        var id = neighbours.Id.ToString(CultureInfo.InvariantCulture);

        await (await app.PostModerationAsync(neighbourKey, id, "hide")).AssertStatusAsync(HttpStatusCode.OK);

        Assert.Equal(ModerationStates.Hidden, (await app.RequestRowAsync(id)).Moderation);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetOpen311Async($"requests/{id}.json")).StatusCode);
    }

    [Fact]
    public async Task Releasing_a_private_services_report_says_the_public_still_does_not_see_it()
    {
        var key = await app.CreateBackOfficeKeyAsync(TestCatalog.Jurisdiction);
        var report = await Rows.InsertAsync(app, DateTimeOffset.UtcNow.AddHours(-1), r => (r.IsPrivate, r.Moderation) = (true, ModerationStates.Held));
        var id = report.Id.ToString(CultureInfo.InvariantCulture);

        var response = await app.PostModerationAsync(key, id, "release");

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var answer = await response.JsonAsync();
        Assert.Equal(("published", true, false), ((string)answer["moderation"]!, (bool)answer["changed"]!, (bool)answer["visible_to_public"]!));
        await using var db = app.Database.CreateDbContext();
        Assert.False(await db.ServiceRequests.AnyAsync(r => r.Id == report.Id && r.Moderation != ModerationStates.Published));
    }
}
