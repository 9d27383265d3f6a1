using Open311Gateway.Api.Cli;

namespace Open311Gateway.Tests.Cli;

/// <summary>Host settings go to the web host wherever they stand; everything else is the operator command.</summary>
public sealed class CommandLineSplitTests
{
    [Fact]
    public void Host_settings_in_either_form_are_taken_out_of_the_command_line()
    {
        var split = CommandLineSplit.Of(["--environment", "Production", "migrate", "--urls=http://127.0.0.1:5184",
            "--Database:MigrateOnStartup", "true", "--ConnectionStrings=", "--Logging:LogLevel:Default=Warning"]);

        Assert.Equal(["migrate"], split.CommandArguments);
        Assert.Equal(["--environment", "Production", "--urls=http://127.0.0.1:5184", "--Database:MigrateOnStartup", "true",
            "--ConnectionStrings=", "--Logging:LogLevel:Default=Warning"], split.HostArguments);
        Assert.True(split.IsCommand);
    }

    [Fact]
    public void Only_host_settings_start_the_server()
    {
        // As deploy/local/run.sh starts it, and as WebApplicationFactory passes its settings.
        Assert.False(OperatorCommands.IsCommand(["--urls", "http://127.0.0.1:5080"]));
        Assert.False(OperatorCommands.IsCommand(["--environment=Testing", "--contentRoot=/app", "--ConnectionStrings=", "--applicationName=Open311Gateway.Api"]));
        Assert.False(OperatorCommands.IsCommand([]));
    }

    [Theory]
    [InlineData("migrat")]
    [InlineData("--help")]
    [InlineData("help")]
    [InlineData("--reroute")]
    public void Anything_else_is_a_command_line_for_the_operator_commands(string token) =>
        // A mistyped command answers an error instead of starting a server with a stray word.
        Assert.True(OperatorCommands.IsCommand([token]));
}
