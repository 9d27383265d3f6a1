using System.Net;
using Npgsql;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.OpenData.Exports;

/// <summary>
/// A database failure after the first bytes of an export are sent cannot turn into an error status any more: the
/// connection is aborted, so the harvester sees an incomplete transfer instead of a cut file that looks whole.
/// </summary>
public sealed class ExportFailureTests(ExportFailureTests.Fixture app) : IClassFixture<ExportFailureTests.Fixture>
{
    [Fact]
    public async Task A_database_connection_lost_mid_export_aborts_the_answer_instead_of_ending_it_cleanly()
    {
        using var response = await app.Client.GetAsync($"/opendata/{TestCatalog.Jurisdiction}/requests.csv", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[8192];
        Assert.True(await body.ReadAsync(buffer) > 0);

        // The export's own backend, ended as a database restart or a failover would end it.
        await using (var admin = new NpgsqlConnection(app.Database.ConnectionString))
        {
            await admin.OpenAsync();
            await using var terminate = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() " +
                "AND query LIKE '%service_requests%'", admin);
            Assert.Equal(1L, await terminate.ExecuteScalarAsync());
        }

        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            while (await body.ReadAsync(buffer) > 0)
            {
            }
        });
    }

    /// <summary>Enough reports that the export is still running when the test ends its database connection.</summary>
    public sealed class Fixture : GatewayApp, IAsyncLifetime
    {
        async Task IAsyncLifetime.InitializeAsync()
        {
            await InitializeAsync();
            var script = await File.ReadAllTextAsync(RepositoryRoot.Combine("deploy", "bench", "seed-requests.sql"));
            await using var connection = new NpgsqlConnection(Database.ConnectionString);
            await connection.OpenAsync();
            await using var seed = new NpgsqlCommand($"SET bench.rows = '50000'; {script}", connection) { CommandTimeout = 600 };
            await seed.ExecuteNonQueryAsync();
        }
    }
}
