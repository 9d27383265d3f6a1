using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using Newtonsoft.Json.Linq;
using Npgsql;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Features.Requests.Intake;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Features.Requests.Intake;

/// <summary>
/// The duplicate-hint query runs on every POST. On a new database, before the first ANALYZE of service_requests,
/// the planner once chose the service_id index for it and read every report of the service per POST (ADR 22): it must
/// find its candidates through the location index whether statistics exist or not.
/// </summary>
public sealed class DuplicateHintPlanTests(DuplicateHintPlanTests.UnanalyzedApp app) : IClassFixture<DuplicateHintPlanTests.UnanalyzedApp>
{
    /// <summary>
    /// 60 reports written with autovacuum off for the table, never analysed: a new gateway's first minute, when the plan
    /// a connection prepares for the query is kept while the table grows.
    /// </summary>
    public sealed class UnanalyzedApp : GatewayApp, IAsyncLifetime
    {
        async Task IAsyncLifetime.InitializeAsync()
        {
            await InitializeAsync();
            var script = await File.ReadAllTextAsync(RepositoryRoot.Combine("deploy", "bench", "seed-requests.sql"));
            await using var connection = new NpgsqlConnection(Database.ConnectionString);
            await connection.OpenAsync();
            await using var seed = new NpgsqlCommand(
                $"ALTER TABLE service_requests SET (autovacuum_enabled = false); SET bench.rows = '60'; {script}", connection);
            await seed.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task Without_statistics_the_candidates_come_from_the_location_index_not_the_service_index()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        var serviceId = await db.Services.Where(s => s.Type != "blackbox").Select(s => s.Id).FirstAsync();
        var point = new Point(13.405, 52.52) { SRID = 4326 };
        await using var command = scope.ServiceProvider.GetRequiredService<NewReportLookup>()
            .CreateCommand(point, null, new DuplicateSearch(serviceId, 30, DateTimeOffset.UtcNow.AddDays(-30)));
        await db.Database.OpenConnectionAsync();
        // EXPLAIN without ANALYZE: the plan is shown, the id sequence is not advanced.
        command.CommandText = "EXPLAIN (FORMAT JSON) " + command.CommandText;
        var plan = JToken.Parse((string)(await command.ExecuteScalarAsync())!)[0]!["Plan"]!;

        var indexes = ((JContainer)plan).DescendantsAndSelf().OfType<JObject>().Select(n => (string?)n["Index Name"]).OfType<string>().ToList();
        Assert.Contains("ix_service_requests_location", indexes);
        Assert.DoesNotContain("ix_service_requests_service_id", indexes);
    }
}
