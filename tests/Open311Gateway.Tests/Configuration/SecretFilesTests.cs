using Microsoft.Extensions.Configuration;
using Open311Gateway.ServiceDefaults.Configuration;

namespace Open311Gateway.Tests.Configuration;

/// <summary>Settings from secret files (docker compose secrets, Kubernetes secret volumes) (one implementation, which API and worker both call).</summary>
public sealed class SecretFilesTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("open311-secrets-");

    [Fact]
    public void A_file_named_like_the_environment_variable_sets_the_setting_and_wins_over_the_environment()
    {
        // As docker compose writes it: the value and often a final newline, which is not part of a password.
        File.WriteAllText(Path.Combine(_directory.FullName, "RabbitMq__Password"), "from-the-file\n");
        File.WriteAllText(Path.Combine(_directory.FullName, "ConnectionStrings__Gateway"), "Host=db;Password=s3cr3t");
        var configuration = Configuration(("Secrets:Directory", _directory.FullName), ("RabbitMq:Password", "from-the-environment"));

        configuration.AddSecretFiles();

        Assert.Equal("from-the-file", configuration["RabbitMq:Password"]);
        Assert.Equal("Host=db;Password=s3cr3t", configuration.GetConnectionString("Gateway"));
    }

    [Fact]
    public void Without_a_secrets_directory_the_environment_is_all_there_is()
    {
        var configuration = Configuration(("RabbitMq:Password", "from-the-environment"));

        configuration.AddSecretFiles();

        Assert.Equal("from-the-environment", configuration["RabbitMq:Password"]);
    }

    [Fact]
    public void A_secrets_directory_that_is_not_there_stops_the_start_with_its_name()
    {
        var missing = Path.Combine(_directory.FullName, "not-mounted");
        var configuration = Configuration(("Secrets:Directory", missing));

        var error = Assert.Throws<InvalidOperationException>(() => configuration.AddSecretFiles());

        Assert.Contains($"Secrets:Directory is '{missing}'", error.Message);
    }

    private static ConfigurationManager Configuration(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        return configuration;
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
