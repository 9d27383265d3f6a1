using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Open311Gateway.Worker.Adapters.Webhook;
using Open311Gateway.Worker.Hosting;

namespace Open311Gateway.Tests.Worker;

/// <summary>The worker's real registrations, with configuration from memory and the back office replaced by a stub.</summary>
public static class WorkerTestServices
{
    public const string Jurisdiction = "musterstadt.de";
    public const string Secret = "geheimer-schlüssel-musterstadt";

    public static IServiceCollection Create(StubBackOffice backOffice, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Worker:Jurisdictions:0"] = Jurisdiction,
            ["Worker:ShortRetryIntervalsSeconds:0"] = "0",
            ["Worker:ShortRetryIntervalsSeconds:1"] = "0",
            ["Adapters:Webhook:Secrets:" + Jurisdiction] = Secret,
            ["Worker:Destinations:" + Jurisdiction + ":Hosts:0"] = new Uri(SampleMessages.Endpoint).Host,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddLogging();
        services.AddDeliveryCore();
        services.AddHttpClient<WebhookClient>().ConfigurePrimaryHttpMessageHandler(() => backOffice);
        return services;
    }
}
