using System.CommandLine;

namespace Open311Gateway.Api.Cli;

/// <summary>
/// Operator commands run through the API's own executable, with its configuration:
/// <c>dotnet Open311Gateway.Api.dll &lt;command&gt; [arguments] [--help]</c> (ADR 20). Exit codes: <see cref="ExitCodes"/>.
/// </summary>
public static class OperatorCommands
{
    /// <summary>
    /// Whether the command line asks for an operator command rather than the server: anything besides host settings does
    /// (a mistyped command is an error, not a server started with a stray word).
    /// </summary>
    public static bool IsCommand(string[] args) => CommandLineSplit.Of(args).IsCommand;

    /// <summary>The host's own arguments: the settings for the web host, without the command and its operands.</summary>
    public static string[] HostArguments(string[] args) => CommandLineSplit.Of(args).HostArguments;

    /// <summary>Runs one command; usage errors and the command's own failures alike go to <paramref name="output"/>.</summary>
    public static Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken) =>
        RunAsync(services, args, output, output, cancellationToken);

    /// <summary>Runs one command: what it prints to <paramref name="output"/>, a wrong command line as one line to <paramref name="error"/> (exit 2).</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var root = OperatorCommandLine.Create(new OperatorContext(services, output));
        var commandLine = CommandLineSplit.Of(args).CommandArguments;
        var parse = root.Parse(commandLine);
        if (parse.Errors.Count > 0)
        {
            // One line that says what is wrong and where to look, instead of the whole help text.
            var command = parse.CommandResult.Command;
            var problem = command == root && commandLine.Length > 0 && !commandLine[0].StartsWith('-')
                ? $"unknown command '{commandLine[0]}'."
                : string.Join(" ", parse.Errors.Select(e => OneLine(e.Message)));
            await error.WriteLineAsync($"error: {problem} (see '{(command == root ? "--help" : $"{command.Name} --help")}')");
            return ExitCodes.Usage;
        }
        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
