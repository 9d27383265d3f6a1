using Microsoft.Extensions.Configuration;
using Open311Gateway.Tests.Catalog;
using Open311Gateway.Worker.Destinations;
using YamlDotNet.RepresentationModel;

namespace Open311Gateway.Tests.Deploy;

/// <summary>The settings the Kubernetes manifests give each app are all known to its options classes (<see cref="AppSettings"/>).</summary>
public sealed class KubernetesSettingsTests
{
    [Fact]
    public void Every_setting_the_api_gets_is_one_its_options_know()
    {
        var settings = Settings(("api-settings.yaml", "open311-api-settings"), ("secrets.yaml", "open311-api-secrets"));

        AppSettings.AssertBindsWithoutUnknownKeys(settings, AppSettings.Api);
        Assert.False(string.IsNullOrWhiteSpace(settings["ConnectionStrings:Gateway"]));
        Assert.StartsWith("https://", settings["Open311:PublicUrl"]);
    }

    [Fact]
    public void Every_setting_the_worker_gets_is_one_its_options_know()
    {
        var settings = Settings(("worker-settings.yaml", "open311-worker-settings"), ("secrets.yaml", "open311-worker-secrets"));

        AppSettings.AssertBindsWithoutUnknownKeys(settings, AppSettings.Worker);
        var jurisdictions = settings.GetSection("Worker:Jurisdictions").Get<List<string>>()!;
        Assert.All(jurisdictions, j => Assert.True(settings.GetSection($"{DestinationOptions.Section}:{j}").Exists(), $"No destinations for {j}"));
    }

    [Fact]
    public void A_misspelt_setting_is_caught()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection([new("RabbitMq:Hostname", "rabbitmq")]).Build();

        var error = Assert.Throws<InvalidOperationException>(() => AppSettings.AssertBindsWithoutUnknownKeys(settings, AppSettings.Api));
        Assert.Contains("Hostname", error.Message);
    }

    /// <summary>The keys of these ConfigMaps and Secrets, as the app reads them from its settings directory.</summary>
    private static IConfiguration Settings(params (string File, string Name)[] objects)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        foreach (var (file, name) in objects)
        {
            var stream = new YamlStream();
            using (var reader = new StreamReader(RepositoryFiles.PathOf(Path.Combine("deploy", "kubernetes", file)))) stream.Load(reader);
            var found = stream.Documents.Select(d => (YamlMappingNode)d.RootNode)
                .Single(o => ((YamlMappingNode)o["metadata"])["name"].ToString() == name);
            var data = (YamlMappingNode)(found.Children.TryGetValue("stringData", out var secret) ? secret : found["data"]);
            pairs.AddRange(data.Children.Select(c => new KeyValuePair<string, string?>(c.Key.ToString().Replace("__", ":"), c.Value.ToString())));
        }
        return new ConfigurationBuilder().AddInMemoryCollection(pairs).Build();
    }
}
