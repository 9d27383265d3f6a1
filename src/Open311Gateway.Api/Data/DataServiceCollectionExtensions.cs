using Microsoft.EntityFrameworkCore;

namespace Open311Gateway.Api.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Default that matches deploy/local/services.sh, so a fresh checkout needs no settings.</summary>
    public const string DefaultConnectionString =
        "Host=127.0.0.1;Port=55432;Database=open311;Username=postgres;Password=postgres";

    public static IServiceCollection AddGatewayData(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = WithAutoPrepare(configuration.GetConnectionString("Gateway") ?? DefaultConnectionString);
        // Pooled: a context per request is reset and reused rather than built again (ADR 22).
        services.AddDbContextPool<GatewayDbContext>(options => options
            .UseNpgsql(connectionString, npgsql => npgsql.UseNetTopologySuite())
            .UseSnakeCaseNamingConvention());
        return services;
    }

    /// <summary>
    /// Statements run again and again (every GET and POST sends the same few) are prepared on the server after their
    /// second use, so PostgreSQL parses and plans them once per connection (ADR 22). A connection string that sets
    /// Max Auto Prepare itself keeps its value.
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)
            && !connectionString.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
            builder.MaxAutoPrepare = 32;
        return builder.ConnectionString;
    }
}
