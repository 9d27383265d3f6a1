using System.Globalization;

namespace Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;

/// <summary>
/// A PostgreSQL cluster of its own (own port and data directory, made by services.sh), for tests that stop the
/// database under a running gateway without disturbing any other test.
/// </summary>
public sealed class OwnPostgresCluster : IAsyncLifetime
{
    private readonly Dictionary<string, string> _environment;

    public OwnPostgresCluster()
    {
        // A port free right now: a random one in 56000–56499 lies in the ephemeral range and met the port of a
        // connection or another test's server now and then ("Address already in use").
        Port = FreePort.Next();
        _environment = new()
        {
            ["OPEN311_SKIP_RABBIT"] = "1",
            ["OPEN311_PG_PORT"] = Port.ToString(CultureInfo.InvariantCulture),
            ["OPEN311_STATE_DIR"] = $"/tmp/open311-test-pg-{Port}",
        };
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Database=postgres;Username=postgres;Password=postgres";

    public Task StartAsync() => ServicesScript.RunAsync(_environment, "start");

    public Task StopAsync() => ServicesScript.RunAsync(_environment, "stop");

    public Task InitializeAsync() => StartAsync();

    public async Task DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_environment["OPEN311_STATE_DIR"], recursive: true);
    }
}
