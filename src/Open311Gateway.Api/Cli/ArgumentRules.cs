using System.CommandLine;

namespace Open311Gateway.Api.Cli;

/// <summary>Checks on operands that the parser runs, so that a wrong one is a usage error (exit 2) before anything runs.</summary>
public static class ArgumentRules
{
    public static Argument<string> NotBlank(this Argument<string> argument)
    {
        argument.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
                result.AddError($"<{argument.Name}> must not be empty.");
        });
        return argument;
    }
}
