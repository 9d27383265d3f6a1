using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Open311Gateway.Worker.Adapters;
using Open311Gateway.Worker.Adapters.Redmine;

namespace Open311Gateway.Tests.Worker.Redmine;

/// <summary>The worker's real registrations with the Redmine adapter's HTTP client answered by a <see cref="RedmineStub"/>.</summary>
public static class RedmineTestServices
{
    public static ServiceProvider Create(RedmineStub redmine, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Adapters:Redmine:ApiKeys:" + WorkerTestServices.Jurisdiction] = RedmineSamples.ApiKey,
            ["Adapters:Redmine:TimeoutSeconds"] = "2",
            ["Worker:Destinations:" + WorkerTestServices.Jurisdiction + ":Hosts:1"] = new Uri(RedmineSamples.Endpoint).Host,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var services = WorkerTestServices.Create(StubBackOffice.Answering(HttpStatusCode.OK), values);
        services.AddHttpClient<RedmineClient>().ConfigurePrimaryHttpMessageHandler(() => redmine);
        return services.BuildServiceProvider();
    }

    public static IBackOfficeAdapter Adapter(ServiceProvider provider) => provider.GetRequiredService<AdapterRegistry>().Get("redmine");

    public static IStatusPoller Poller(ServiceProvider provider) => provider.GetRequiredService<AdapterRegistry>().GetPoller("redmine");
}
