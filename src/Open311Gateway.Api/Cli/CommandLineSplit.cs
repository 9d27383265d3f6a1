namespace Open311Gateway.Api.Cli;

/// <summary>
/// One command line taken apart: the host's own settings (<c>--urls</c>, <c>--environment</c>, configuration keys such as
/// <c>--ConnectionStrings:Gateway=…</c>) go to the web host, everything else to the operator commands.
/// </summary>
/// <param name="HostArguments">Passed to <c>WebApplication.CreateBuilder</c>: the command then runs with that configuration.</param>
/// <param name="CommandArguments">The operator command and its operands and options; empty when the server is to start.</param>
public sealed record CommandLineSplit(string[] HostArguments, string[] CommandArguments)
{
    /// <summary>The host's settings that have no ':' of their own (configuration keys with a section always have one).</summary>
    private static readonly HashSet<string> HostSettings = new(StringComparer.OrdinalIgnoreCase)
    {
        "urls", "environment", "contentRoot", "applicationName", "http_ports", "https_ports",
    };

    public bool IsCommand => CommandArguments.Length > 0;

    /// <summary>
    /// A host setting is any <c>--name=value</c> (no operator command takes an option with a value), or <c>--name value</c>
    /// where the name is one of <see cref="HostSettings"/> or a configuration key with a section
    /// (<c>--Database:MigrateOnStartup true</c>); it may stand anywhere on the line.
    /// </summary>
    public static CommandLineSplit Of(IReadOnlyList<string> args)
    {
        var host = new List<string>();
        var command = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var name = HostSettingName(args[i]);
            if (name is null)
            {
                command.Add(args[i]);
                continue;
            }
            host.Add(args[i]);
            if (!args[i].Contains('=', StringComparison.Ordinal) && i + 1 < args.Count)
                host.Add(args[++i]);
        }
        return new CommandLineSplit([.. host], [.. command]);
    }

    private static string? HostSettingName(string token)
    {
        if (!token.StartsWith("--", StringComparison.Ordinal) || token.Length == 2) return null;
        var parts = token[2..].Split('=', 2);
        // WebApplicationFactory passes settings such as "--ConnectionStrings=" this way too.
        return parts.Length == 2 || parts[0].Contains(':', StringComparison.Ordinal) || HostSettings.Contains(parts[0]) ? parts[0] : null;
    }
}
