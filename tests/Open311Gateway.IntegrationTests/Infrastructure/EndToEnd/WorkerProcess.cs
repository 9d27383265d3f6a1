using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;

/// <summary>
/// The real adapter worker as its own process (dotnet Open311Gateway.Worker.dll), so a test can kill
/// it in the middle of a delivery the way an operating system or an operator would.
/// </summary>
/// <param name="environment">More settings (an adapter's), as environment variables, over the defaults below.</param>
public sealed class WorkerProcess(
    string rabbitHost, int rabbitPort, string virtualHost, string jurisdictionId, IReadOnlyDictionary<string, string>? environment = null)
    : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? _process;
    private string _awaited = "Bus started";

    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <param name="awaitBus">
    /// Wait until the bus started (the default); false: only until the management port listens (a worker whose broker is away).
    /// </param>
    public async Task StartAsync(bool awaitBus = true)
    {
        _awaited = awaitBus ? "Bus started" : "Management port";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(WorkerAssembly());
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["RabbitMq__Host"] = rabbitHost;
        start.Environment["RabbitMq__Port"] = rabbitPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["RabbitMq__VirtualHost"] = virtualHost;
        start.Environment["Worker__Jurisdictions__0"] = jurisdictionId;
        // Short retries shrunk to fractions of a second; long retries belong to the API's schedule.
        start.Environment["Worker__ShortRetryIntervalsSeconds__0"] = "0.1";
        start.Environment["Worker__ShortRetryIntervalsSeconds__1"] = "0.2";
        start.Environment[$"Adapters__Webhook__Secrets__{jurisdictionId}"] = RecordingBackOffice.Secret;
        start.Environment["Adapters__Webhook__TimeoutSeconds"] = "5";
        // Every back office of the tests listens on loopback.
        start.Environment[$"Worker__Destinations__{jurisdictionId}__Hosts__0"] = "127.0.0.1";
        start.Environment["Logging__LogLevel__Default"] = "Information";
        // Workers run side by side: no management port unless a test gives one.
        start.Environment["Management__Port"] = "0";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Collect(e.Data);
        _process.ErrorDataReceived += (_, e) => Collect(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_started.Task, exited, Task.Delay(TimeSpan.FromSeconds(60)));
        if (first != _started.Task)
            throw new InvalidOperationException($"The worker did not log '{_awaited}' within 60 s (exited: {_process.HasExited}).\n{Output}");
    }

    /// <summary>Ends the process at once, without a graceful stop: unacknowledged messages go back to the queue.</summary>
    public async Task KillAsync()
    {
        if (_process is null || _process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Asks the process to stop as an operator would (SIGTERM) and waits, so that its last lines are written.</summary>
    public Task StopAsync() => ProcessStop.GracefullyAsync(_process);

    private void Collect(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (line.Contains(_awaited, StringComparison.Ordinal)) _started.TrySetResult();
    }

    private static string WorkerAssembly()
    {
        // Built next to the tests (the test project references the worker for build order only).
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var path = RepositoryRoot.Combine("src", "Open311Gateway.Worker", "bin", configuration, "net10.0", "Open311Gateway.Worker.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first: the worker is missing.", path);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }
}
