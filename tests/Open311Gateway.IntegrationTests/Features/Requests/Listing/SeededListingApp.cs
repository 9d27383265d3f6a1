using Npgsql;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Features.Requests.Listing;

/// <summary>
/// The API over a database seeded by the benchmark's own seeding script (deploy/bench/seed-requests.sql) with
/// <see cref="Rows"/> reports, then ANALYZEd, so the planner judges the listing queries on realistic statistics.
/// deploy/bench/queries.sh sets OPEN311_PLAN_ROWS=1000000 (and OPEN311_PLAN_ANALYZE=1) to print the plans, with their
/// timings, at the benchmark's size.
/// </summary>
public sealed class SeededListingApp : GatewayApp, IAsyncLifetime
{
    public const int MinimumRows = 100_000;

    public static int Rows { get; } = Math.Max(MinimumRows,
        int.TryParse(Environment.GetEnvironmentVariable("OPEN311_PLAN_ROWS"), out var rows) ? rows : MinimumRows);

    /// <summary>EXPLAIN ANALYZE (the queries run) instead of EXPLAIN: for the benchmark's report, not for CI.</summary>
    public static bool Analyze { get; } = Environment.GetEnvironmentVariable("OPEN311_PLAN_ANALYZE") == "1";

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        var script = await File.ReadAllTextAsync(RepositoryRoot.Combine("deploy", "bench", "seed-requests.sql"));
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using (var seed = new NpgsqlCommand($"SET bench.rows = '{Rows}'; {script}", connection) { CommandTimeout = 1800 })
            await seed.ExecuteNonQueryAsync();
        await using var analyze = new NpgsqlCommand("ANALYZE", connection) { CommandTimeout = 1800 };
        await analyze.ExecuteNonQueryAsync();
    }
}
