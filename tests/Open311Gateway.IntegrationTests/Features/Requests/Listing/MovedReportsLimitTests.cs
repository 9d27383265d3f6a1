using Microsoft.EntityFrameworkCore;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;
using static Open311Gateway.IntegrationTests.Features.Requests.Listing.ListingCalls;

namespace Open311Gateway.IntegrationTests.Features.Requests.Listing;

/// <summary>
/// A sync whose bound lies so far back that more reports changed since than <c>Open311:Listing:MaxMovedReports</c>
/// uses the plain filter: a report whose change time is now past the bound is not in the window, and no client can
/// make a page cost one change-log look-up per report changed since (ADR 12).
/// </summary>
public sealed class MovedReportsLimitTests(MovedReportsLimitTests.NoMovedReportsApp app) : IClassFixture<MovedReportsLimitTests.NoMovedReportsApp>
{
    public sealed class NoMovedReportsApp : GatewayApp
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Open311:Listing:MaxMovedReports", "0")];
    }

    [Fact]
    public async Task Past_the_limit_a_report_changed_after_the_bound_is_outside_the_window()
    {
        var start = new DateTimeOffset(2022, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var stays = await Rows.InsertAsync(app, start.AddDays(-1), r => r.PublicChangedAt = start);
        var moves = await Rows.InsertAsync(app, start.AddDays(-1), r => r.PublicChangedAt = start.AddMinutes(1));
        var run = $"?updated_after={W3c(start.AddSeconds(-1))}&updated_before={W3c(start.AddDays(1))}&page=1&page_size=10";
        Assert.Equal([Id(stays.Id), Id(moves.Id)], await app.IdsAsync(run));

        await using (var db = app.Database.CreateDbContext())
            await db.ServiceRequests.Where(r => r.Id == moves.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.PublicChangedAt, DateTimeOffset.UtcNow.AddMinutes(-5)));

        Assert.Equal([Id(stays.Id)], await app.IdsAsync(run));
    }
}
