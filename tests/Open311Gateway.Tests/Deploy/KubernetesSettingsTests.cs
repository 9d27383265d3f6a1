using Microsoft.Extensions.Configuration;
using Open311Gateway.Api.Deliveries;
using Open311Gateway.Api.Open311;
using Open311Gateway.Api.Photos;
using Open311Gateway.Api.Privacy;
using Open311Gateway.Api.StatusLinks;
using Open311Gateway.Tests.Catalog;
using Open311Gateway.Worker.Adapters.Email;
using Open311Gateway.Worker.Adapters.Webhook;
using Open311Gateway.Worker.Destinations;
using Open311Gateway.Worker.Hosting;
using YamlDotNet.RepresentationModel;
using ApiRabbitMqOptions = Open311Gateway.Api.Deliveries.Bus.RabbitMqOptions;
using WorkerRabbitMqOptions = Open311Gateway.Worker.Hosting.RabbitMqOptions;

namespace Open311Gateway.Tests.Deploy;

/// <summary>
/// The settings the Kubernetes manifests give each app, bound to the apps' own options classes with unknown keys
/// refused: a misspelt name (RabbitMQ__Hostname) would otherwise be ignored and the default used in production.
/// </summary>
public sealed class KubernetesSettingsTests
{
    // Settings of parts built beside this one (issue 8), whose options classes are not in this project yet.
    private static readonly string[] OwnedElsewhere = ["Management:Port", "RabbitMq:QuorumQueues"];

    private static readonly Dictionary<string, Type> ApiSections = new()
    {
        [Open311Options.Section] = typeof(Open311Options),
        [ApiRabbitMqOptions.Section] = typeof(ApiRabbitMqOptions),
        [StatusLinkOptions.Section] = typeof(StatusLinkOptions),
        [PhotoOptions.Section] = typeof(PhotoOptions),
        [DeliveryOptions.Section] = typeof(DeliveryOptions),
        [PrivacyOptions.Section] = typeof(PrivacyOptions),
    };

    private static readonly Dictionary<string, Type> WorkerSections = new()
    {
        [WorkerOptions.Section] = typeof(WorkerOptions),
        [DestinationOptions.Section] = typeof(Dictionary<string, DestinationOptions>),
        [WorkerRabbitMqOptions.Section] = typeof(WorkerRabbitMqOptions),
        [WebhookOptions.Section] = typeof(WebhookOptions),
        [EmailOptions.Section] = typeof(EmailOptions),
    };

    [Fact]
    public void Every_setting_the_api_gets_is_one_its_options_know()
    {
        var settings = Settings(("api-settings.yaml", "open311-api-settings"), ("secrets.yaml", "open311-api-secrets"));

        AssertBindsWithoutUnknownKeys(settings, ApiSections);
        Assert.False(string.IsNullOrWhiteSpace(settings["ConnectionStrings:Gateway"]));
        Assert.StartsWith("https://", settings["Open311:PublicUrl"]);
    }

    [Fact]
    public void Every_setting_the_worker_gets_is_one_its_options_know()
    {
        var settings = Settings(("worker-settings.yaml", "open311-worker-settings"), ("secrets.yaml", "open311-worker-secrets"));

        AssertBindsWithoutUnknownKeys(settings, WorkerSections);
        var jurisdictions = settings.GetSection("Worker:Jurisdictions").Get<List<string>>()!;
        Assert.All(jurisdictions, j => Assert.True(settings.GetSection($"{DestinationOptions.Section}:{j}").Exists(), $"No destinations for {j}"));
    }

    [Fact]
    public void A_misspelt_setting_is_caught()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection([new("RabbitMq:Hostname", "rabbitmq")]).Build();

        var error = Assert.Throws<InvalidOperationException>(() => AssertBindsWithoutUnknownKeys(settings, ApiSections));
        Assert.Contains("Hostname", error.Message);
    }

    private static void AssertBindsWithoutUnknownKeys(IConfiguration settings, Dictionary<string, Type> sections)
    {
        var keys = settings.AsEnumerable().Where(p => p.Value is not null).Select(p => p.Key).Except(OwnedElsewhere).ToList();
        // Bound by the longest section that holds the key: Worker:Destinations has its own options, not WorkerOptions'.
        var bySection = keys.Where(k => !k.StartsWith("ConnectionStrings:", StringComparison.Ordinal))
            .GroupBy(k => sections.Keys.Where(s => k.StartsWith(s + ":", StringComparison.Ordinal)).MaxBy(s => s.Length)
                ?? throw new InvalidOperationException($"{k} belongs to no options class of the app."));
        foreach (var group in bySection)
        {
            var subsections = sections.Keys.Where(s => s != group.Key && s.StartsWith(group.Key + ":", StringComparison.Ordinal)).ToList();
            var own = new ConfigurationBuilder()
                .AddInMemoryCollection(group.Where(k => !subsections.Any(s => k.StartsWith(s + ":", StringComparison.Ordinal)))
                    .Select(k => new KeyValuePair<string, string?>(k, settings[k])))
                .Build();
            own.GetSection(group.Key).Get(sections[group.Key], binder => binder.ErrorOnUnknownConfiguration = true);
        }
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
