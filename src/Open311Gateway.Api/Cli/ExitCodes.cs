namespace Open311Gateway.Api.Cli;

/// <summary>What an operator command's exit code means (scripts test for these).</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>The command ran and did not get its way: nothing with that id, a catalogue with errors, an unknown jurisdiction.</summary>
    public const int Failed = 1;
    /// <summary>The command line itself is wrong (unknown command, missing or extra argument, malformed value): nothing ran.</summary>
    public const int Usage = 2;
}
