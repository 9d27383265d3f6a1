using Microsoft.EntityFrameworkCore;
using Npgsql;
using Open311Gateway.Api.Data;

namespace Open311Gateway.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh, migrated PostgreSQL+PostGIS database of its own for one test class, dropped afterwards.
/// The server comes from deploy/local/services.sh (or OPEN311_TEST_DB for another one).
/// </summary>
/// <param name="server">Another server than the shared one (a cluster a test stops and starts); null: the shared one.</param>
public sealed class TestDatabase(string? server = null) : IAsyncLifetime
{
    public static string SharedServerConnectionString =>
        Environment.GetEnvironmentVariable("OPEN311_TEST_DB") ?? DataServiceCollectionExtensions.DefaultConnectionString;

    public string ServerConnectionString { get; } = server ?? SharedServerConnectionString;

    public string Name { get; } = "open311_test_" + Guid.NewGuid().ToString("N")[..12];

    public string ConnectionString => new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = Name, Pooling = true }.ConnectionString;

    public async Task InitializeAsync()
    {
        try
        {
            await using var admin = new NpgsqlConnection(AdminConnectionString());
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException ex)
        {
            throw new InvalidOperationException(
                "The integration tests need PostgreSQL 15 with PostGIS. Start it with `deploy/local/services.sh start` " +
                $"(or point OPEN311_TEST_DB at a server). Tried: {ServerConnectionString}", ex);
        }
        await using var db = CreateDbContext();
        await db.Database.MigrateAsync();
    }

    public GatewayDbContext CreateDbContext() => new(new DbContextOptionsBuilder<GatewayDbContext>()
        .UseNpgsql(ConnectionString, npgsql => npgsql.UseNetTopologySuite())
        .UseSnakeCaseNamingConvention()
        .Options);

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(AdminConnectionString());
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    private string AdminConnectionString() =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
}
