using Microsoft.EntityFrameworkCore;

namespace Open311Gateway.Api.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Default that matches deploy/local/services.sh, so a fresh checkout needs no settings.</summary>
    public const string DefaultConnectionString =
        "Host=127.0.0.1;Port=55432;Database=open311;Username=postgres;Password=postgres";

    public static IServiceCollection AddGatewayData(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = Tuned(configuration.GetConnectionString("Gateway") ?? DefaultConnectionString);
        // Pooled: a context per request is reset and reused rather than built again (ADR 22).
        services.AddDbContextPool<GatewayDbContext>(options => options
            .UseNpgsql(connectionString, npgsql => npgsql.UseNetTopologySuite())
            .UseSnakeCaseNamingConvention());
        return services;
    }

    /// <summary>
    /// Two pool settings a connection string does not set itself (ADR 22): statements run again and again (every GET and
    /// POST sends the same few) are prepared on the server after their second use, so PostgreSQL parses and plans them
    /// once per connection (<c>Max Auto Prepare=32</c>); and a connection going back to the pool is not reset
    /// (<c>No Reset On Close</c>), which otherwise makes PostgreSQL run five more statements with the next one — on
    /// <c>requests/{id}</c> it was a fifth of the throughput. Nothing the gateway does leaves session state behind on a
    /// pooled connection: no session-level SET, advisory lock, temporary table or LISTEN (the cache listener has a
    /// connection outside the pool); <c>SessionStateTests</c> keeps it so, and an open transaction is still rolled back.
    /// </summary>
    public static string Tuned(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!Names(connectionString, "Auto Prepare", "AutoPrepare")) builder.MaxAutoPrepare = 32;
        if (!Names(connectionString, "Reset On Close", "ResetOnClose")) builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    private static bool Names(string connectionString, params string[] keys) =>
        keys.Any(key => connectionString.Contains(key, StringComparison.OrdinalIgnoreCase));
}
