using Npgsql;
using Open311Gateway.Api.Data;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Data;

/// <summary>
/// With <c>No Reset On Close</c> (ADR 22) a pooled connection is not reset on its way back to the pool; what must still
/// not survive it is an unfinished transaction: its writes are rolled back, and the next user starts outside it.
/// </summary>
public sealed class PooledConnectionTests(MigratedDatabase fixture) : IClassFixture<MigratedDatabase>
{
    [Fact]
    public async Task A_connection_closed_inside_a_transaction_comes_back_from_the_pool_without_it()
    {
        // A pool of one connection, so the second open gets the very connection the first closed.
        var connectionString = new NpgsqlConnectionStringBuilder(DataServiceCollectionExtensions.Tuned(fixture.Database.ConnectionString))
        {
            MaxPoolSize = 1,
            ApplicationName = "pooled-connection-test",
        }.ConnectionString;
        Assert.True(new NpgsqlConnectionStringBuilder(connectionString).NoResetOnClose);
        int firstPid;
        await using (var first = new NpgsqlConnection(connectionString))
        {
            await first.OpenAsync();
            firstPid = first.ProcessID;
            await using var begin = new NpgsqlCommand("BEGIN; CREATE TABLE left_open (id int); INSERT INTO left_open VALUES (1);", first);
            await begin.ExecuteNonQueryAsync();
        }

        await using var second = new NpgsqlConnection(connectionString);
        await second.OpenAsync();
        await using var check = new NpgsqlCommand(
            "SELECT pg_backend_pid(), txid_current_if_assigned() IS NULL, to_regclass('left_open') IS NULL", second);
        await using var reader = await check.ExecuteReaderAsync();
        await reader.ReadAsync();

        Assert.Equal(firstPid, reader.GetInt32(0));
        // The first user's transaction has a transaction id (it wrote); a new one has none before it writes.
        Assert.True(reader.GetBoolean(1), "the second user is still inside the first one's transaction");
        Assert.True(reader.GetBoolean(2), "the first user's unfinished writes survived its close");
    }
}
