using System.Globalization;
using Open311Gateway.Api.Features.Requests;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;
using static Open311Gateway.IntegrationTests.Features.Requests.Listing.ListingCalls;

namespace Open311Gateway.IntegrationTests.Features.Requests.Listing;

/// <summary>
/// <c>updated_after</c>/<c>updated_before</c>: on the gateway's own public change time, never on the back office's
/// <c>updated_datetime</c>. Each test reads changes in a window of its own, in the past, so other tests' rows stay out.
/// </summary>
public sealed class ChangeQueryTests(GatewayApp app) : IClassFixture<GatewayApp>
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour = 12, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    private Task<Open311Gateway.Api.Data.Entities.ServiceRequest> ChangedAt(DateTimeOffset changed, DateTimeOffset? requested = null, DateTimeOffset? updated = null) =>
        Rows.InsertAsync(app, requested ?? changed.AddDays(-1), r =>
        {
            r.PublicChangedAt = changed;
            if (updated is { } u) r.UpdatedAt = u;
        });

    [Fact]
    public async Task Updated_after_and_before_select_by_the_gateways_change_time_not_the_back_offices()
    {
        // The back office stamped this one in 2020; the gateway applied it in the window.
        var lateNews = await ChangedAt(Utc(2024, 2, 10), requested: Utc(2020, 1, 1), updated: Utc(2020, 1, 2));
        // The back office says the window; the gateway changed it before.
        await ChangedAt(Utc(2024, 2, 1), updated: Utc(2024, 2, 10));
        var last = await ChangedAt(Utc(2024, 2, 20));
        await ChangedAt(Utc(2024, 2, 20, 12, 1));
        Assert.Equal([Id(lateNews.Id), Id(last.Id)], await app.IdsAsync("?updated_after=2024-02-05T00:00:00Z&updated_before=2024-02-20T12:00:00Z"));
    }

    [Fact]
    public async Task Updated_after_is_exclusive_and_updated_before_inclusive()
    {
        var at = await ChangedAt(Utc(2024, 3, 1));
        Assert.Empty(await app.IdsAsync("?updated_after=2024-03-01T12:00:00Z&updated_before=2024-03-02T00:00:00Z"));
        Assert.Equal([Id(at.Id)], await app.IdsAsync("?updated_after=2024-03-01T11:59:59Z&updated_before=2024-03-01T12:00:00Z"));
    }

    [Fact]
    public async Task A_sync_has_no_default_90_day_window_and_no_span_limit()
    {
        var old = await ChangedAt(Utc(2024, 4, 1), requested: Utc(2019, 5, 1));
        Assert.Equal([Id(old.Id)], await app.IdsAsync("?updated_after=2024-03-31T00:00:00Z&updated_before=2024-04-02T00:00:00Z"));
        Assert.Contains(Id(old.Id), await app.IdsAsync("?updated_after=2015-01-01T00:00:00Z&updated_before=2024-04-02T00:00:00Z"));
    }

    [Fact]
    public async Task Start_and_end_date_still_apply_to_a_sync_and_keep_their_90_day_limit()
    {
        var recent = await ChangedAt(Utc(2024, 5, 10), requested: Utc(2024, 5, 1));
        await ChangedAt(Utc(2024, 5, 11), requested: Utc(2023, 1, 1));
        const string sync = "?updated_after=2024-05-09T00:00:00Z&updated_before=2024-05-12T00:00:00Z";
        Assert.Equal([Id(recent.Id)], await app.IdsAsync(sync + "&start_date=2024-04-01T00:00:00Z&end_date=2024-05-12T00:00:00Z"));
        Assert.Equal(["start_date and end_date may be at most 90 days apart."],
            await app.BadRequestAsync(sync + "&start_date=2023-01-01T00:00:00Z&end_date=2024-05-12T00:00:00Z"));
    }

    [Fact]
    public async Task A_sync_is_sorted_by_change_time_then_id_oldest_first()
    {
        var third = await ChangedAt(Utc(2024, 6, 3));
        var first = await ChangedAt(Utc(2024, 6, 1));
        var tieA = await ChangedAt(Utc(2024, 6, 2));
        var tieB = await ChangedAt(Utc(2024, 6, 2));
        Assert.Equal([Id(first.Id), Id(tieA.Id), Id(tieB.Id), Id(third.Id)],
            await app.IdsAsync("?updated_after=2024-05-31T00:00:00Z&updated_before=2024-06-04T00:00:00Z"));
    }

    [Fact]
    public async Task Changes_younger_than_the_settle_time_are_left_for_the_next_sync_and_the_answer_says_up_to_when()
    {
        var now = DateTimeOffset.UtcNow;
        var settled = await ChangedAt(now.AddSeconds(-40), requested: now.AddDays(-1));
        var young = await ChangedAt(now.AddSeconds(-1), requested: now.AddDays(-1));
        var response = await app.Client.GetOpen311Async($"requests.json?updated_after={W3c(now.AddSeconds(-60))}");
        var ids = (await Open311Assert.JsonAnswer(response)).Select(r => (string)r["service_request_id"]!).ToList();
        Assert.Contains(Id(settled.Id), ids);
        Assert.DoesNotContain(Id(young.Id), ids);

        var until = DateTimeOffset.Parse(response.Headers.GetValues(RequestsController.ChangesUntilHeader).Single(), CultureInfo.InvariantCulture);
        Assert.InRange(until, now.AddSeconds(-12), DateTimeOffset.UtcNow.AddSeconds(-10));
        // The bound reads back as updated_after, to the microsecond; the next sync from it has the young change
        // once that has settled, and a plain list shows it at once.
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}\+00:00$", response.Headers.GetValues(RequestsController.ChangesUntilHeader).Single());
        Assert.DoesNotContain(Id(settled.Id), await app.IdsAsync($"?updated_after={Uri.EscapeDataString(until.ToString("O", CultureInfo.InvariantCulture))}"));
        Assert.Contains(Id(young.Id), await app.IdsAsync($"?service_request_id={young.Id}"));
    }

    [Fact]
    public async Task Listings_without_updated_parameters_carry_no_change_bound()
    {
        var response = await app.Client.GetOpen311Async("requests.json?start_date=2024-07-01T00:00:00Z&end_date=2024-07-02T00:00:00Z");
        await Open311Assert.JsonAnswer(response);
        Assert.False(response.Headers.Contains(RequestsController.ChangesUntilHeader));
    }

    [Theory]
    [InlineData("?updated_after=gestern", "updated_after 'gestern' is not a W3C date-time such as 2026-03-01T09:30:00+01:00.")]
    [InlineData("?updated_before=2024-13-01", "updated_before '2024-13-01' is not a W3C date-time such as 2026-03-01T09:30:00+01:00.")]
    [InlineData("?updated_after=2024-02-01T00:00:00Z&updated_before=2024-01-01T00:00:00Z", "updated_before is before updated_after.")]
    public async Task Bad_change_bounds_answer_400(string query, string expected) =>
        Assert.Equal([expected], await app.BadRequestAsync(query));
}
