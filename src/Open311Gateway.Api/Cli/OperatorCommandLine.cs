using System.CommandLine;

namespace Open311Gateway.Api.Cli;

/// <summary>The operator commands as one System.CommandLine root command; every sub-command has <c>--help</c>.</summary>
public static class OperatorCommandLine
{
    public static RootCommand Create(OperatorContext context)
    {
        var root = new RootCommand(
            "Open311 Gateway: runs the API server without a command, else one operator command with the API's configuration. "
            + "Host settings (--urls, --environment, --Section:Key=value) may stand anywhere and go to the host.");
        IEnumerable<Command>[] groups =
        [
            DatabaseCommands.Create(context), CatalogCommands.Create(context), ApiKeyCommands.Create(context),
            BackOfficeKeyCommands.Create(context), AdminKeyCommands.Create(context), ModerationCommands.Create(context),
            DeliveryCommands.Create(context), OutboxCommands.Create(context), PrivacyCommands.Create(context),
        ];
        foreach (var command in groups.SelectMany(g => g)) root.Subcommands.Add(command);

        // `help` was a command before System.CommandLine; scripts and habits keep it.
        var help = new Command("help", "Show the commands (as --help does).");
        help.SetAction(parse => root.Parse(["--help"]).Invoke(parse.InvocationConfiguration));
        root.Subcommands.Add(help);
        return root;
    }

    /// <summary>Every command name, for telling a command line from the server's.</summary>
    public static readonly IReadOnlySet<string> Names =
        Create(new OperatorContext(null, TextWriter.Null)).Subcommands.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
}
