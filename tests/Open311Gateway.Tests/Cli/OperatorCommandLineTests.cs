using Microsoft.Extensions.DependencyInjection;
using Open311Gateway.Api.Cli;

namespace Open311Gateway.Tests.Cli;

/// <summary>
/// A wrong command line answers one line on the error writer and exit code 2 before any command runs (the service
/// provider here has no services at all: a command that ran would throw); <c>--help</c> works on every command.
/// </summary>
public sealed class OperatorCommandLineTests
{
    [Theory]
    [InlineData("error: Required argument missing for command: 'create-api-key'. (see 'create-api-key --help')", "create-api-key")]
    [InlineData("error: Unrecognized command or argument 'b'. (see 'create-admin-key --help')", "create-admin-key", "a", "b")]
    [InlineData("error: <name> must not be empty. (see 'create-admin-key --help')", "create-admin-key", " ")]
    [InlineData("error: unknown command 'creat-api-key'. (see '--help')", "creat-api-key", "App")]
    [InlineData("error: Cannot parse argument 'abc' for command 'replay-delivery' as expected type 'System.Guid'. (see 'replay-delivery --help')", "replay-delivery", "abc")]
    [InlineData("error: Argument 'sent' not recognized. Must be one of: 'in_flight' 'retry_wait' 'delivered' 'rejected' 'failed' (see 'list-deliveries --help')", "list-deliveries", "sent")]
    [InlineData("error: <id|all> must be a message id (digits) or all, not 'x1'. (see 'replay-parked-outbox --help')", "replay-parked-outbox", "x1")]
    [InlineData("error: Required argument missing for command: 'create-backoffice-key'. (see 'create-backoffice-key --help')", "create-backoffice-key", "musterstadt.de")]
    [InlineData("error: Unrecognized command or argument 'now'. (see 'outbox-backlog --help')", "outbox-backlog", "now")]
    public async Task A_wrong_command_line_is_one_line_and_exit_code_2(string message, params string[] args)
    {
        var (code, output, error) = await RunAsync(args);

        Assert.Equal((ExitCodes.Usage, "", message), (code, output, error.TrimEnd()));
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Every_command_has_help_with_its_usage()
    {
        var names = OperatorCommandLine.Names;
        Assert.Contains("create-admin-key", names);
        Assert.Contains("outbox-backlog", names);
        foreach (var name in names)
        {
            var (code, output, error) = await RunAsync(name, "--help");
            Assert.True(code == 0 && error == "" && System.Text.RegularExpressions.Regex.IsMatch(output, $@"Usage:\s+\S+ {name}\b"), $"{name} --help: {code} {output} {error}");
        }
    }

    [Fact]
    public async Task The_old_command_names_are_all_still_there_and_help_lists_the_new_ones()
    {
        string[] before =
        [
            "migrate", "import-catalog", "check-catalog", "create-api-key", "revoke-api-key", "list-api-keys", "create-backoffice-key",
            "revoke-backoffice-key", "list-backoffice-keys", "release-report", "hide-report", "list-deliveries", "replay-delivery",
            "replay-failed", "list-parked-outbox", "replay-parked-outbox", "erase-personal-data", "run-retention", "help",
        ];
        Assert.Subset(OperatorCommandLine.Names.ToHashSet(), before.ToHashSet());

        var (code, output, _) = await RunAsync("help");
        Assert.Equal(0, code);
        Assert.Contains("create-admin-key <name>", output, StringComparison.Ordinal);
        Assert.Contains("outbox-backlog", output, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        await using var services = new ServiceCollection().BuildServiceProvider();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await OperatorCommands.RunAsync(services, args, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
