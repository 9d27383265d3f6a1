using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Open311Gateway.Tests.Catalog;
using YamlDotNet.RepresentationModel;

namespace Open311Gateway.Tests.Deploy;

/// <summary>
/// docker-compose.yml cannot be run here (no Docker engine), so what it exposes is checked as text: the API is the
/// only public service, the demo back office (no login, personal data) stays on loopback, and no password is in it.
/// </summary>
public sealed partial class DockerComposeTests
{
    private static readonly YamlMappingNode Compose = Load();
    private static readonly YamlMappingNode Services = (YamlMappingNode)Compose["services"];

    [Fact]
    public void Only_the_api_is_published_on_every_interface_and_the_demo_back_office_on_loopback_only()
    {
        var published = Services.Children
            .Where(s => ((YamlMappingNode)s.Value).Children.ContainsKey("ports"))
            .ToDictionary(s => s.Key.ToString(), s => Sequence(s.Value, "ports").ToList());

        Assert.Equal(["api", "demo-backoffice"], published.Keys.Order());
        Assert.Equal(["5080:8080"], published["api"]);
        Assert.All(published["demo-backoffice"], port => Assert.StartsWith("127.0.0.1:", port));
    }

    [Fact]
    public void RabbitMq_runs_without_its_management_ui_and_without_the_guest_user()
    {
        var rabbit = (YamlMappingNode)Services["rabbitmq"];
        Assert.DoesNotContain("management", rabbit["image"].ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Scalars(Compose), value => value.Contains("guest", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("/run/secrets/rabbitmq.conf", Environment(rabbit)["RABBITMQ_CONFIG_FILE"]);
    }

    [Fact]
    public void No_password_key_or_connection_string_is_written_in_the_file()
    {
        foreach (var (service, node) in Services.Children.Select(s => (s.Key.ToString(), (YamlMappingNode)s.Value)))
        {
            foreach (var (name, value) in Environment(node))
            {
                // Our own setting: where the secret files are, not a secret.
                var secretByName = name != "Secrets__Directory" && name.Split("__").Any(SecretSegment().IsMatch);
                // A value from the operator's environment (${VAR}) is not in the file.
                Assert.False(secretByName && value.Length > 0 && !value.StartsWith("${", StringComparison.Ordinal),
                    $"{service}: {name} has a value written in docker-compose.yml; mount it as a secret file instead.");
                Assert.DoesNotMatch(PasswordInValue(), value);
            }
        }
    }

    [Theory]
    [InlineData("api", "ConnectionStrings__Gateway")]
    [InlineData("api", "RabbitMq__Username")]
    [InlineData("api", "RabbitMq__Password")]
    [InlineData("api", "StatusLinks__Keys__0__Secret")]
    [InlineData("worker", "RabbitMq__Username")]
    [InlineData("worker", "RabbitMq__Password")]
    [InlineData("worker", "Adapters__Webhook__Secrets__musterstadt.de")]
    [InlineData("demo-backoffice", "DemoBackOffice__Secret")]
    public void Each_app_reads_its_credentials_from_secret_files(string service, string setting)
    {
        var node = (YamlMappingNode)Services[service];
        Assert.Equal("/run/secrets", Environment(node)["Secrets__Directory"]);
        var targets = ((YamlSequenceNode)node["secrets"]).Children.OfType<YamlMappingNode>().Select(s => s["target"].ToString());
        Assert.Contains(setting, targets);
    }

    [Theory]
    [InlineData("api")]
    [InlineData("worker")]
    public void Every_setting_an_app_gets_is_one_its_options_know(string service)
    {
        var node = (YamlMappingNode)Services[service];
        // Host settings (where the secrets are) are not the app's options.
        var names = Environment(node).Keys.Where(n => n != "Secrets__Directory")
            .Concat(((YamlSequenceNode)node["secrets"]).Children.OfType<YamlMappingNode>().Select(s => s["target"].ToString()));
        var settings = new ConfigurationBuilder()
            .AddInMemoryCollection(names.Select(n => new KeyValuePair<string, string?>(n.Replace("__", ":"), "1")))
            .Build();

        AppSettings.AssertBindsWithoutUnknownKeys(settings, service == "api" ? AppSettings.Api : AppSettings.Worker);
    }

    [Fact]
    public void Every_secret_file_lies_outside_what_git_tracks()
    {
        var secrets = (YamlMappingNode)Compose["secrets"];
        Assert.NotEmpty(secrets.Children);
        Assert.All(secrets.Children.Values, s => Assert.StartsWith("${OPEN311_COMPOSE_SECRETS:-./.local/", ((YamlMappingNode)s)["file"].ToString()));
        Assert.Contains("/.local/", File.ReadAllLines(RepositoryFiles.PathOf(".gitignore")));
    }

    private static Dictionary<string, string> Environment(YamlMappingNode service) =>
        service.Children.TryGetValue("environment", out var environment)
            ? ((YamlMappingNode)environment).Children.ToDictionary(e => e.Key.ToString(), e => e.Value.ToString())
            : [];

    /// <summary>Every value in the file (comments are not part of the model).</summary>
    private static IEnumerable<string> Scalars(YamlNode node) => node switch
    {
        YamlScalarNode scalar => [scalar.Value ?? ""],
        YamlMappingNode mapping => mapping.Children.SelectMany(c => Scalars(c.Key).Concat(Scalars(c.Value))),
        YamlSequenceNode sequence => sequence.Children.SelectMany(Scalars),
        _ => [],
    };

    private static IEnumerable<string> Sequence(YamlNode service, string key) =>
        ((YamlSequenceNode)((YamlMappingNode)service)[key]).Children.Select(c => c.ToString());

    // A part of a setting's name that says it holds a secret: RabbitMq__Password, Adapters__Webhook__Secrets__x,
    // DemoBackOffice__BackOfficeKey, POSTGRES_PASSWORD; not StatusLinks__Keys__0__Id (an id) nor POSTGRES_PASSWORD_FILE (a path).
    [GeneratedRegex("^(\\w*(password|secrets?|token|key)|connectionstrings)$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretSegment();

    [GeneratedRegex("(password|pwd)\\s*=|guest|dev-only|changeme", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordInValue();

    private static string ComposePath() => RepositoryFiles.PathOf("docker-compose.yml");

    private static YamlMappingNode Load()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(ComposePath());
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }
}
