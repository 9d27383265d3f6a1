using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;
using static Open311Gateway.IntegrationTests.Features.Requests.Listing.ListingCalls;

namespace Open311Gateway.IntegrationTests.Features.Requests.Listing;

/// <summary>
/// <c>page</c>+<c>page_size</c> and <c>limit</c>+<c>offset</c>, against real PostgreSQL, including reports that
/// arrive and change while a client pages. Each test reads a window of its own (by requested or change time).
/// </summary>
public sealed class PagingTests(GatewayApp app) : IClassFixture<GatewayApp>
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour = 0) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    private async Task<List<ServiceRequest>> ManyAsync(int count, DateTimeOffset requestedFrom, Func<int, DateTimeOffset>? changedAt = null)
    {
        var rows = new List<ServiceRequest>();
        for (var i = 0; i < count; i++)
        {
            var row = await Rows.NewAsync(app, requestedFrom.AddMinutes(i));
            if (changedAt is not null) row.PublicChangedAt = changedAt(i);
            rows.Add(row);
        }
        return (await Rows.InsertAsync(app, rows)).ToList();
    }

    private async Task ChangeAsync(long id, DateTimeOffset changedAt)
    {
        await using var db = app.Database.CreateDbContext();
        await db.ServiceRequests.Where(r => r.Id == id).ExecuteUpdateAsync(set => set
            .SetProperty(r => r.PublicChangedAt, changedAt).SetProperty(r => r.Status, "closed").SetProperty(r => r.ExtendedStatus, "FIXED"));
    }

    [Fact]
    public async Task Pages_are_in_id_order_and_both_styles_give_the_same_pages()
    {
        var rows = await ManyAsync(7, Utc(2023, 2, 1));
        var ids = rows.Select(r => Id(r.Id)).ToList();
        const string window = "&start_date=2023-02-01T00:00:00Z&end_date=2023-02-02T00:00:00Z";
        Assert.Equal(ids[..3], await app.IdsAsync("?page=1&page_size=3" + window));
        Assert.Equal(ids[3..6], await app.IdsAsync("?page=2&page_size=3" + window));
        Assert.Equal(ids[6..], await app.IdsAsync("?page=3&page_size=3" + window));
        Assert.Equal(ids[3..6], await app.IdsAsync("?offset=3&limit=3" + window));
        Assert.Equal(ids[6..], await app.IdsAsync("?offset=6" + window));
        Assert.Equal(ids[..2], await app.IdsAsync("?limit=2" + window));
        Assert.Equal(ids, await app.IdsAsync("?page=1" + window));
    }

    [Fact]
    public async Task A_paged_listing_without_dates_has_no_90_day_window()
    {
        var old = await Rows.InsertAsync(app, Utc(2018, 1, 1), r => r.Description = "Uraltmeldung Pagingtest");
        Assert.Equal([Id(old.Id)], await app.IdsAsync("?q=Uraltmeldung&page=1"));
        Assert.Empty(await app.IdsAsync("?q=Uraltmeldung"));
    }

    [Theory]
    [InlineData("?page=2&page_size=1000")]
    [InlineData("?offset=5000")]
    [InlineData("?page=2147483647&page_size=1000")]
    [InlineData("?offset=9223372036854775807")]
    public async Task A_page_past_the_end_is_an_empty_list(string paging) =>
        Assert.Empty(await app.IdsAsync(paging + "&start_date=2023-03-01T00:00:00Z&end_date=2023-03-02T00:00:00Z"));

    [Theory]
    [InlineData("?page=1&limit=10", "page and page_size cannot be combined with limit and offset: use one style of paging.")]
    [InlineData("?page_size=10&offset=0", "page and page_size cannot be combined with limit and offset: use one style of paging.")]
    [InlineData("?page=0", "page '0' is not a whole number of at least 1.")]
    [InlineData("?page=-1", "page '-1' is not a whole number of at least 1.")]
    [InlineData("?page=2147483648", "page '2147483648' is not a whole number of at least 1.")]
    [InlineData("?page_size=1001", "page_size '1001' is not a whole number between 1 and 1000.")]
    [InlineData("?page_size=0", "page_size '0' is not a whole number between 1 and 1000.")]
    [InlineData("?limit=1.5", "limit '1.5' is not a whole number between 1 and 1000.")]
    [InlineData("?offset=-3", "offset '-3' is not a whole number of at least 0.")]
    [InlineData("?extensions=ja", "extensions 'ja' is not true or false.")]
    public async Task Bad_paging_answers_400(string query, string expected) =>
        Assert.Equal([expected], await app.BadRequestAsync(query));

    [Fact]
    public async Task Paging_by_id_never_skips_or_repeats_a_report_while_new_ones_arrive()
    {
        var rows = await ManyAsync(23, Utc(2023, 4, 1));
        const string window = "&start_date=2023-04-01T00:00:00Z&end_date=2023-04-02T00:00:00Z";
        var seen = new List<string>();
        for (var page = 1; ; page++)
        {
            var ids = await app.IdsAsync($"?page={page}&page_size=5" + window);
            seen.AddRange(ids);
            if (ids.Count < 5) break;
            // Reports that arrive while the client pages, inside its window: they get higher ids, so they come last.
            await ManyAsync(2, Utc(2023, 4, 1, 12));
        }
        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.Equal(rows.Select(r => Id(r.Id)), seen.Take(rows.Count));
    }

    [Fact]
    public async Task A_paged_sync_with_a_fixed_bound_never_skips_or_repeats_a_report_while_reports_arrive_and_change()
    {
        var start = Utc(2023, 5, 1);
        var rows = await ManyAsync(23, start.AddDays(-1), i => start.AddMinutes(i));
        var bound = start.AddDays(1);
        var run = $"&updated_after={W3c(start.AddSeconds(-1))}&updated_before={W3c(bound)}";
        var seen = new List<string>();
        var changed = new List<long>();
        for (var page = 1; ; page++)
        {
            var ids = await app.IdsAsync($"?page={page}&page_size=5" + run);
            seen.AddRange(ids);
            if (ids.Count < 5) break;
            // While the client pages: a report it has read and one it has not yet read change (after the bound, as
            // every change does once the bound has settled), and a new one comes in.
            var now = DateTimeOffset.UtcNow.AddSeconds(-30);
            foreach (var row in new[] { rows[page * 5 - 3], rows[Math.Min(page * 5 + 2, rows.Count - 1)] })
            {
                await ChangeAsync(row.Id, now);
                changed.Add(row.Id);
            }
            await ManyAsync(1, start, _ => now);
        }
        Assert.Equal(rows.Select(r => Id(r.Id)), seen);

        // The next run, from the bound, has what changed in between, once each.
        var next = await app.IdsAsync($"?updated_after={W3c(bound)}&page_size=1000&page=1");
        Assert.Equal(changed.Distinct().Select(Id).Order(), next.Where(id => rows.Any(r => Id(r.Id) == id)).Order());
        Assert.Equal(next.Distinct().Count(), next.Count);
    }

    [Fact]
    public async Task A_report_that_changes_moves_behind_every_report_that_did_not()
    {
        var start = Utc(2023, 6, 1);
        var rows = await ManyAsync(4, start.AddDays(-1), i => start.AddMinutes(i));
        var sync = $"?updated_after={W3c(start.AddSeconds(-1))}&updated_before={W3c(start.AddDays(1))}&page=1";
        Assert.Equal(rows.Select(r => Id(r.Id)), await app.IdsAsync(sync));
        await ChangeAsync(rows[3].Id, start.AddHours(1));
        await ChangeAsync(rows[0].Id, start.AddHours(2));
        Assert.Equal([Id(rows[1].Id), Id(rows[2].Id), Id(rows[3].Id), Id(rows[0].Id)], await app.IdsAsync(sync));
    }
}
