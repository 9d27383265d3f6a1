using Microsoft.Extensions.Configuration;

namespace Open311Gateway.ServiceDefaults.Configuration;

/// <summary>
/// Settings kept as files, one per setting, each named like its environment variable (<c>RabbitMq__Password</c>):
/// what docker compose secrets and Kubernetes secret volumes mount. Read from the directory that
/// <c>Secrets:Directory</c> names (none by default); a file wins over an environment variable of the same name,
/// so a secret never has to pass through the environment. API and worker share this; the demo back office compiles
/// this file in (its project file links it) rather than pull in the gateway's bus and telemetry.
/// </summary>
public static class SecretFiles
{
    public const string DirectorySetting = "Secrets:Directory";

    public static ConfigurationManager AddSecretFiles(this ConfigurationManager configuration)
    {
        var directory = configuration[DirectorySetting];
        if (string.IsNullOrWhiteSpace(directory)) return configuration;
        // A missing directory is a mounting mistake; starting without the secrets would fail later and less clearly.
        if (!Directory.Exists(directory))
            throw new InvalidOperationException($"{DirectorySetting} is '{directory}', which is not a directory: mount the secrets there or unset it.");
        configuration.AddKeyPerFile(directory, optional: false);
        return configuration;
    }
}
