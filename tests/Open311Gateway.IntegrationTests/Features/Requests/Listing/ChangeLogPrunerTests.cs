using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Open311Gateway.Api.Features.Requests.Listing;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Features.Requests.Listing;

/// <summary>
/// The change log keeps, per report, what a sync with a bound in the last <c>ChangeLogDays</c> (30) can look up: the
/// newest entry at or before the cut-off and every later one. Older, superseded entries go.
/// </summary>
public sealed class ChangeLogPrunerTests(GatewayApp app) : IClassFixture<GatewayApp>
{
    [Fact]
    public async Task Superseded_entries_older_than_the_cut_off_are_pruned_and_the_ones_a_recent_bound_needs_stay()
    {
        var now = DateTimeOffset.UtcNow;
        var changes = new[] { now.AddDays(-60), now.AddDays(-40), now.AddDays(-35), now.AddDays(-10) };
        var report = await Rows.InsertAsync(app, changes[0].AddDays(-1), r => r.PublicChangedAt = changes[0]);
        var untouched = await Rows.InsertAsync(app, now.AddDays(-91), r => r.PublicChangedAt = now.AddDays(-90));
        await using (var db = app.Database.CreateDbContext())
            foreach (var at in changes.Skip(1))
                await db.ServiceRequests.Where(r => r.Id == report.Id).ExecuteUpdateAsync(set => set.SetProperty(r => r.PublicChangedAt, at));
        Assert.Equal(changes.Select(Micro), await LoggedAsync(report.Id));

        await using (var scope = app.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<ChangeLogPruner>().PruneAsync(CancellationToken.None) >= 2);

        Assert.Equal(changes.Skip(2).Select(Micro), await LoggedAsync(report.Id));
        Assert.Equal([Micro(now.AddDays(-90))], await LoggedAsync(untouched.Id));
    }

    private async Task<List<DateTimeOffset>> LoggedAsync(long id)
    {
        await using var db = app.Database.CreateDbContext();
        return (await db.PublicChanges.Where(c => c.ServiceRequestId == id).OrderBy(c => c.ChangedAt).Select(c => c.ChangedAt).ToListAsync())
            .Select(Micro).ToList();
    }

    // PostgreSQL keeps microseconds.
    private static DateTimeOffset Micro(DateTimeOffset t) => new DateTimeOffset(t.UtcTicks - t.UtcTicks % 10, TimeSpan.Zero);
}
