using System.Diagnostics;
using System.Globalization;

namespace Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;

/// <summary>How the end-to-end tests stop a gateway process they started (API or worker).</summary>
public static class ProcessStop
{
    /// <summary>
    /// Asks the process to stop as an operator would (SIGTERM) and waits, so that its last lines are written; after 20 s
    /// it is killed.
    /// </summary>
    public static async Task GracefullyAsync(Process? process)
    {
        if (process is null || process.HasExited) return;
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }
        // The last lines arrive after the exit: WaitForExit without a timeout waits for the redirected streams.
        process.WaitForExit();
    }
}
