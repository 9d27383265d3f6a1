using Microsoft.Extensions.Options;
using Npgsql;
using Open311Gateway.Api.Data;

namespace Open311Gateway.Api.Caching;

/// <summary>
/// Keeps <see cref="GatewayCache"/> fresh on every API process (ADR 22): one connection of its own LISTENs on
/// <see cref="CacheChannel.Name"/>, where triggers on the catalogue and key tables notify when a change commits, so a
/// re-import or a revoked key reaches every process within milliseconds. Between notifications, and after the
/// connection was lost and made again, it compares <c>cache_versions</c> with what is loaded, at least once a second.
/// </summary>
public sealed class CacheListener(GatewayCache cache, IConfiguration configuration, IOptions<CachingOptions> options, ILogger<CacheListener> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = configuration.GetConnectionString("Gateway") ?? DataServiceCollectionExtensions.DefaultConnectionString;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(connectionString, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Until it is back, the caches keep what they have; the version check after reconnecting catches up.
                logger.LogWarning(e, "Cache listener lost its database connection; connecting again in a second");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task ListenAsync(string connectionString, CancellationToken stoppingToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 10 };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        var heard = new HashSet<string>();
        connection.Notification += (_, e) => { lock (heard) heard.Add(e.Payload); };
        await connection.OpenAsync(stoppingToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {CacheChannel.Name}", connection))
            await listen.ExecuteNonQueryAsync(stoppingToken);
        var interval = TimeSpan.FromMilliseconds(options.Value.VersionCheckMilliseconds);
        // Anything that changed while no connection was listening.
        await CompareVersionsAsync(connection, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var notified = await connection.WaitAsync(interval, stoppingToken);
            if (!notified)
            {
                await CompareVersionsAsync(connection, stoppingToken);
                continue;
            }
            List<string> kinds;
            lock (heard)
            {
                kinds = heard.ToList();
                heard.Clear();
            }
            foreach (var kind in kinds) await cache.RefreshAsync(kind, stoppingToken);
        }
    }

    private async Task CompareVersionsAsync(NpgsqlConnection connection, CancellationToken stoppingToken)
    {
        var loaded = cache.LoadedVersions();
        if (loaded.Count == 0) return;
        var stale = new List<string>();
        await using (var command = new NpgsqlCommand("SELECT name, version FROM cache_versions", connection))
        await using (var reader = await command.ExecuteReaderAsync(stoppingToken))
        {
            while (await reader.ReadAsync(stoppingToken))
                if (loaded.TryGetValue(reader.GetString(0), out var version) && version != reader.GetInt64(1)) stale.Add(reader.GetString(0));
        }
        foreach (var kind in stale) await cache.RefreshAsync(kind, stoppingToken);
    }
}
