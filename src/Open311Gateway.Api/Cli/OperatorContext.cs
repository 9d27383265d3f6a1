using System.CommandLine;

namespace Open311Gateway.Api.Cli;

/// <summary>
/// What every operator command runs with: the API's services (one scope per command) and where it writes. Failures an
/// operator causes (a missing file, an unknown jurisdiction) become one line and exit code 1, never a stack trace.
/// </summary>
public sealed class OperatorContext(IServiceProvider? services, TextWriter output)
{
    public TextWriter Output => output;

    /// <summary>Sets the command's action: resolves <typeparamref name="TService"/> in a scope of its own and runs it.</summary>
    public void Handle<TService>(Command command, Func<TService, ParseResult, CancellationToken, Task<int>> action) where TService : notnull =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var scope = (services ?? throw new InvalidOperationException("The commands were built without services.")).CreateAsyncScope();
            try
            {
                return await action(scope.ServiceProvider.GetRequiredService<TService>(), parse, cancellationToken);
            }
            catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
            {
                await output.WriteLineAsync($"{command.Name}: {e.Message}");
                return ExitCodes.Failed;
            }
        });
}
