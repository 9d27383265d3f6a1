using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Npgsql;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Features.Requests.Intake;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Features.Requests.Intake;

/// <summary>
/// The duplicate look-up runs on every POST of a hinted service, so over many stored reports it must find its few
/// candidates through the GiST index on location, not by reading the table.
/// </summary>
public sealed class DuplicateHintPlanTests(PracticeApp app) : IClassFixture<PracticeApp>
{
    [Fact]
    public async Task Over_100000_reports_the_look_up_uses_the_location_index_on_default_planner_settings()
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        // 100,000 reports of a hinted service on a 1000 × 100 grid (about 14 m × 22 m apart), a third closed,
        // filed over the last 400 days: one statement, then fresh statistics.
        await using (var seed = new NpgsqlCommand($$"""
            INSERT INTO service_requests (jurisdiction_id, service_id, api_client_id, status, extended_status,
                requested_at, updated_at, public_changed_at, location, media_urls, attributes)
            SELECT '{{TestCatalog.Jurisdiction}}', (SELECT id FROM services WHERE code = '{{PracticeApp.Drain}}'),
                (SELECT min(id) FROM api_clients), CASE WHEN g % 3 = 0 THEN 'closed' ELSE 'open' END, 'OPEN',
                now() - (g % 400) * interval '1 day', now(), now(),
                ST_SetSRID(ST_MakePoint(13.30 + (g % 1000) * 0.0002, 52.60 + (g / 1000) * 0.0002), 4326)::geography, '{}', '{}'
            FROM generate_series(1, 100000) g;
            ANALYZE service_requests;
            """, connection))
        {
            await seed.ExecuteNonQueryAsync();
        }

        var captured = new CapturedCommands();
        await using var db = new GatewayDbContext(new DbContextOptionsBuilder<GatewayDbContext>()
            .UseNpgsql(app.Database.ConnectionString, npgsql => npgsql.UseNetTopologySuite())
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(captured)
            .Options);
        var drain = await db.Services.AsNoTracking().SingleAsync(s => s.Code == PracticeApp.Drain);
        var found = await new DuplicateHints(db).FindEarlierAsync(drain, new Point(13.302, 52.61) { SRID = 4326 }, DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.NotNull(found);
        var lookUp = Assert.Single(captured.Commands, c => c.CommandText.Contains("ST_DWithin", StringComparison.Ordinal));
        lookUp.CommandText = "EXPLAIN " + lookUp.CommandText;
        // EF's own connection: it knows how to write NetTopologySuite points as geography.
        await db.Database.OpenConnectionAsync();
        lookUp.Connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var plan = new List<string>();
        await using (var reader = await lookUp.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(0));
        var text = string.Join("\n", plan);
        Assert.Contains("ix_service_requests_location", text);
        Assert.DoesNotContain("Seq Scan on service_requests", text);
    }
}
