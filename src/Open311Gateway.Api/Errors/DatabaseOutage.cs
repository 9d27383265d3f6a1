using System.Net.Sockets;
using Npgsql;

namespace Open311Gateway.Api.Errors;

/// <summary>
/// Tells our own outage (database unreachable, shutting down, out of connections), which clients
/// should retry, from a bug. Only the former answers 503.
/// </summary>
public static class DatabaseOutage
{
    public static bool IsOutage(Exception exception)
    {
        for (var e = (Exception?)exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg:
                    // 08: connection exception, 53: insufficient resources, 57P: operator intervention (shutdown).
                    return pg.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || pg.SqlState.StartsWith("53", StringComparison.Ordinal)
                        || pg.SqlState.StartsWith("57P", StringComparison.Ordinal);
                case NpgsqlException npgsql when npgsql.IsTransient || npgsql.InnerException is SocketException or TimeoutException:
                    return true;
                case SocketException:
                    return true;
            }
        }
        return false;
    }
}
