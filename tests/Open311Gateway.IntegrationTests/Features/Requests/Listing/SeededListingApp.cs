using Npgsql;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Features.Requests.Listing;

/// <summary>
/// The API over a database seeded by the benchmark's own seeding script (deploy/bench/seed-requests.sql) with
/// <see cref="Rows"/> reports, then ANALYZEd, so the planner judges the listing queries on realistic statistics.
/// </summary>
public sealed class SeededListingApp : GatewayApp, IAsyncLifetime
{
    public const int Rows = 100_000;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        var script = await File.ReadAllTextAsync(RepositoryRoot.Combine("deploy", "bench", "seed-requests.sql"));
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using (var seed = new NpgsqlCommand($"SET bench.rows = '{Rows}'; {script}", connection) { CommandTimeout = 300 })
            await seed.ExecuteNonQueryAsync();
        await using var analyze = new NpgsqlCommand("ANALYZE", connection) { CommandTimeout = 300 };
        await analyze.ExecuteNonQueryAsync();
    }
}
