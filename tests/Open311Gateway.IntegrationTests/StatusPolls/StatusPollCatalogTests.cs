using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.IntegrationTests.Catalog;

namespace Open311Gateway.IntegrationTests.StatusPolls;

/// <summary>The importer keeps one status poll per route whose statuses are pulled, in step with the catalogue.</summary>
public sealed class StatusPollCatalogTests : CatalogDatabaseTest
{
    private static string Catalogue(string upstream = "https://upstream.example/open311/v2", string jurisdictionAdapter = "open311") => $"""
        jurisdictions:
          - id: a.de
            name: A
            delivery:
              adapter: {jurisdictionAdapter}
              endpoint: {(jurisdictionAdapter == "email" ? "mailto:maengel@a.de" : upstream)}
              {(jurisdictionAdapter == "email" ? "" : "poll_seconds: 120")}
            services:
              - code: SCHLAGLOCH
                name: Schlagloch
              - code: LICHT
                name: Straßenlaterne
                delivery:
                  adapter: redmine
                  endpoint: http://redmine.a.de
                  settings:
                    project: licht
                    our_id_field: 3
                  statuses:
                    New: OPEN
                    Closed: FIXED
          - id: b.de
            name: B
            delivery:
              adapter: webhook
              endpoint: https://b.de/hook
        """;

    private async Task<List<StatusPoll>> PollsAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.StatusPolls.AsNoTracking().OrderBy(p => p.RouteKey).ToListAsync();
    }

    [Fact]
    public async Task A_jurisdiction_and_a_service_with_pulled_statuses_get_a_poll_each_and_a_pushing_webhook_none()
    {
        await ImportSucceedsAsync(Catalogue());

        var polls = await PollsAsync();
        Assert.Equal(["a.de", "a.de/LICHT"], polls.Select(p => p.RouteKey));
        var (jurisdiction, service) = (polls[0], polls[1]);
        Assert.Equal(("open311", "https://upstream.example/open311/v2", 120), (jurisdiction.Route.Adapter, jurisdiction.Route.Endpoint, jurisdiction.IntervalSeconds));
        Assert.Equal(("redmine", "http://redmine.a.de", 300), (service.Route.Adapter, service.Route.Endpoint, service.IntervalSeconds));
        Assert.Equal("FIXED", service.Route.StatusMap!["Closed"]);
        Assert.Equal("licht", service.Route.Settings!["project"]);
        Assert.All(polls, p => Assert.True(p.IsActive));
    }

    [Fact]
    public async Task Reimporting_the_same_catalogue_keeps_each_polls_cursor()
    {
        await ImportSucceedsAsync(Catalogue());
        await SetCursorAsync("a.de", "2026-12-01T10:00:00Z");

        await ImportSucceedsAsync(Catalogue());

        Assert.Equal("2026-12-01T10:00:00Z", (await PollsAsync()).Single(p => p.RouteKey == "a.de").Cursor);
    }

    [Fact]
    public async Task A_route_moved_to_another_back_office_starts_without_a_cursor()
    {
        await ImportSucceedsAsync(Catalogue());
        await SetCursorAsync("a.de", "2026-12-01T10:00:00Z");

        await ImportSucceedsAsync(Catalogue(upstream: "https://anderer-server.example/georeport/v2"));

        var poll = (await PollsAsync()).Single(p => p.RouteKey == "a.de");
        Assert.Null(poll.Cursor);
        Assert.Equal("https://anderer-server.example/georeport/v2", poll.Route.Endpoint);
    }

    [Fact]
    public async Task A_route_that_no_longer_pulls_statuses_is_deactivated_and_keeps_its_row()
    {
        await ImportSucceedsAsync(Catalogue());

        await ImportSucceedsAsync(Catalogue(jurisdictionAdapter: "email"));

        var polls = await PollsAsync();
        Assert.False(polls.Single(p => p.RouteKey == "a.de").IsActive);
        Assert.True(polls.Single(p => p.RouteKey == "a.de/LICHT").IsActive);
    }

    private async Task SetCursorAsync(string routeKey, string cursor)
    {
        await using var db = Database.CreateDbContext();
        await db.StatusPolls.Where(p => p.RouteKey == routeKey).ExecuteUpdateAsync(p => p.SetProperty(x => x.Cursor, cursor));
    }
}
