using System.Diagnostics;

namespace Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;

/// <summary>
/// Runs deploy/local/services.sh, the same script developers and CI use, so tests start brokers
/// and virtual hosts exactly as the project documents it.
/// </summary>
public static class ServicesScript
{
    public static async Task RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Path,
        };
        start.ArgumentList.Add(RepositoryRoot.Combine("deploy", "local", "services.sh"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) start.Environment[name] = value;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"services.sh {string.Join(' ', arguments)} failed ({process.ExitCode}). Is RabbitMQ installed and started (deploy/local/services.sh start)?\n{await output}\n{await errors}");
    }
}
