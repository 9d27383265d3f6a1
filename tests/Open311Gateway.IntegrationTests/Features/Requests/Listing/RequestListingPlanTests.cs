using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Features.Requests.Listing;
using Open311Gateway.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Open311Gateway.IntegrationTests.Features.Requests.Listing;

/// <summary>
/// The plans PostgreSQL chooses, on default planner settings after ANALYZE over 100 000 reports, for the SQL the
/// listing really runs (EF's command, EXPLAINed with its parameters): each finds its rows through an index, never
/// by reading service_requests from end to end.
/// </summary>
public sealed class RequestListingPlanTests(SeededListingApp app, ITestOutputHelper output) : IClassFixture<SeededListingApp>
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private async Task<JToken> PlanAsync(string queryString)
    {
        var now = DateTimeOffset.UtcNow;
        var (query, errors) = RequestQueryParser.Parse(new QueryCollection(QueryHelpers.ParseQuery(queryString)), Berlin, now);
        Assert.True(query is not null, string.Join(" ", errors));
        await using var scope = app.Services.CreateAsyncScope();
        var listing = scope.ServiceProvider.GetRequiredService<RequestListing>();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        await using var command = listing.PageQuery(query, [TestCatalog.Jurisdiction], now.AddSeconds(-10)).CreateDbCommand();
        await db.Database.OpenConnectionAsync();
        var sql = command.CommandText;
        command.CommandText = "EXPLAIN (FORMAT JSON) " + sql;
        var plan = JToken.Parse((string)(await command.ExecuteScalarAsync())!)[0]!["Plan"]!;
        // The readable plan for people; with OPEN311_PLAN_ANALYZE=1 as run, with timings and buffers.
        command.CommandText = (SeededListingApp.Analyze ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN ") + sql;
        var lines = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        output.WriteLine($"PLAN {queryString} ({SeededListingApp.Rows} reports)\n{string.Join("\n", lines)}\nEND PLAN");
        return plan;
    }

    private static List<JObject> Nodes(JToken plan) =>
        ((JContainer)plan).DescendantsAndSelf().OfType<JObject>().Where(o => o["Node Type"] is not null).ToList();

    private static void AssertUsesIndex(JToken plan, string index)
    {
        var nodes = Nodes(plan);
        Assert.DoesNotContain(nodes, n => (string?)n["Node Type"] == "Seq Scan" && (string?)n["Relation Name"] == "service_requests");
        Assert.Contains(nodes, n => (string?)n["Index Name"] == index);
    }

    [Fact]
    public async Task The_seed_is_large_enough_to_make_the_planner_choose()
    {
        await using var db = app.Database.CreateDbContext();
        Assert.True(await db.ServiceRequests.CountAsync() >= SeededListingApp.MinimumRows);
    }

    [Fact]
    public async Task A_radius_query_finds_its_reports_through_the_location_index() =>
        AssertUsesIndex(await PlanAsync("?lat=52.52&long=13.405&radius=1000&page_size=100"), "ix_service_requests_location");

    [Fact]
    public async Task A_bbox_query_finds_its_reports_through_the_location_index() =>
        AssertUsesIndex(await PlanAsync("?bbox=13.38,52.51,13.43,52.53&page=1&page_size=100"), "ix_service_requests_location");

    [Fact]
    public async Task An_unpaged_radius_query_finds_its_reports_through_the_location_index() =>
        AssertUsesIndex(await PlanAsync("?lat=48.137&long=11.575&radius=2000"), "ix_service_requests_location");

    [Fact]
    public async Task One_days_incremental_sync_reads_the_change_time_index()
    {
        var since = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-1).ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture));
        AssertUsesIndex(await PlanAsync($"?updated_after={since}&page=3&page_size=100"), "ix_service_requests_public_changed_at_id");
    }

    [Fact]
    public async Task A_full_text_query_reads_the_text_index() =>
        AssertUsesIndex(await PlanAsync("?q=Wasserturm&page_size=100"), "ix_service_requests_search_vector");
}
