using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;

/// <summary>
/// The real API as its own process (dotnet Open311Gateway.Api.dll on Kestrel), over a test database and broker: as one
/// replica of several (nothing shared with the test or other replicas but the database and the broker), and for tests
/// that need everything the process writes to its console (WebApplicationFactory keeps the logs in the test).
/// Started once it listens and its bus is connected.
/// </summary>
/// <param name="environment">More settings, as environment variables, over the defaults below.</param>
public sealed class ApiProcess(string connectionString, BrokerAddress broker, IReadOnlyDictionary<string, string>? environment = null)
    : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    // MassTransit starts the bus in the background: Kestrel may listen before the outcome queue exists.
    private readonly TaskCompletionSource _busStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? _process;

    public int Port { get; } = FreePort.Next();
    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>A client for this process's Open311 base path; valid once <see cref="StartAsync"/> returned.</summary>
    public HttpClient Client { get; private set; } = null!;

    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>The running process, for what it reports of itself (/proc/{pid}/status); valid once <see cref="StartAsync"/> returned.</summary>
    public int ProcessId => _process!.Id;

    public bool HasExited => _process!.HasExited;

    public async Task StartAsync()
    {
        var assembly = Assembly();
        // Its appsettings.json (the Open311 base path among them) is found in the content root: the build output.
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseUrl);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ConnectionStrings__Gateway"] = connectionString;
        start.Environment["Open311__PublicUrl"] = BaseUrl + "/open311/v2";
        start.Environment["RabbitMq__Host"] = broker.Host;
        start.Environment["RabbitMq__Port"] = broker.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["RabbitMq__VirtualHost"] = broker.VirtualHost;
        // Retry delays shrunk from minutes to fractions of a second, as RoutedGatewayApp's; the send timeout stays 10 s.
        start.Environment["Delivery__PollIntervalSeconds"] = "0.2";
        start.Environment["Delivery__RetryBaseDelaySeconds"] = "0.5";
        start.Environment["Delivery__RetryMaxDelaySeconds"] = "2";
        start.Environment["Delivery__MaxAttempts"] = "30";
        start.Environment["Management__Port"] = "0";
        start.Environment["Logging__LogLevel__Default"] = "Information";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Collect(e.Data);
        _process.ErrorDataReceived += (_, e) => Collect(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Client = new HttpClient { BaseAddress = new Uri(BaseUrl + "/open311/v2/"), Timeout = TimeSpan.FromSeconds(30) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                if ((await Client.GetAsync(BaseUrl + "/health/ready")).IsSuccessStatusCode && _busStarted.Task.IsCompleted) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new InvalidOperationException($"The API did not get ready with its bus within 60 s (exited: {_process.HasExited}).\n{Output}");
    }

    /// <summary>Asks the process to stop as an operator would (SIGTERM) and waits, so that its last lines are written.</summary>
    public Task StopAsync() => ProcessStop.GracefullyAsync(_process);

    private void Collect(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        // MassTransit's start-up line, in plain or JSON console logs alike.
        if (line.Contains("Bus started", StringComparison.Ordinal)) _busStarted.TrySetResult();
    }

    private static string Assembly()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var path = RepositoryRoot.Combine("src", "Open311Gateway.Api", "bin", configuration, "net10.0", "Open311Gateway.Api.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first: the API is missing.", path);
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
    }
}
