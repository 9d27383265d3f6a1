using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;

/// <summary>
/// The real API as its own process (dotnet Open311Gateway.Api.dll) on a port the system picks, as one replica
/// of several: nothing is shared with the test or with other replicas but the database and the broker.
/// Started once it listens and its bus is connected.
/// </summary>
/// <param name="environment">More settings, as environment variables, over the defaults below.</param>
public sealed partial class ApiProcess(
    string connectionString, BrokerAddress broker, IReadOnlyDictionary<string, string>? environment = null) : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // MassTransit starts the bus in the background: Kestrel may listen before the outcome queue exists.
    private readonly TaskCompletionSource _busStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? _process;

    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>A client for this process; valid once <see cref="StartAsync"/> returned.</summary>
    public HttpClient Client { get; private set; } = null!;

    public async Task StartAsync()
    {
        var assembly = ApiAssembly();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The content root (appsettings.json) is the working directory of a host started this way.
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        start.ArgumentList.Add(assembly);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ConnectionStrings__Gateway"] = connectionString;
        start.Environment["Open311__PublicUrl"] = "http://gateway.test";
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
        var exited = _process.WaitForExitAsync();
        var started = Task.WhenAll(_listening.Task, _busStarted.Task);
        var first = await Task.WhenAny(started, exited, Task.Delay(TimeSpan.FromSeconds(60)));
        if (first != started)
            throw new InvalidOperationException($"The API did not start listening and its bus within 60 s (exited: {_process.HasExited}).\n{Output}");
        Client = new HttpClient { BaseAddress = await _listening.Task, Timeout = TimeSpan.FromSeconds(30) };
    }

    private void Collect(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        // Kestrel's start-up line, in plain or JSON console logs alike.
        if (ListeningLine().Match(line) is { Success: true } match) _listening.TrySetResult(new Uri(match.Groups[1].Value));
        if (line.Contains("Bus started", StringComparison.Ordinal)) _busStarted.TrySetResult();
    }

    [GeneratedRegex("Now listening on: (http://[^\\s\"]+)")]
    private static partial Regex ListeningLine();

    private static string ApiAssembly()
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
