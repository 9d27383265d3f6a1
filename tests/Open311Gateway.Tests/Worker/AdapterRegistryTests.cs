using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Open311Gateway.Worker.Adapters;
using Open311Gateway.Worker.Adapters.Webhook;

namespace Open311Gateway.Tests.Worker;

public class AdapterRegistryTests
{
    [Fact]
    public async Task The_webhook_adapter_is_there_without_any_other_adapter_configured()
    {
        await using var provider = WorkerTestServices.Create(StubBackOffice.Answering(HttpStatusCode.OK)).BuildServiceProvider();
        var registry = provider.GetRequiredService<AdapterRegistry>();

        Assert.IsType<WebhookAdapter>(registry.Get("webhook"));
        Assert.IsType<WebhookAdapter>(registry.Get("Webhook"));
        Assert.Contains("webhook", registry.Kinds);
    }

    [Fact]
    public async Task An_unknown_adapter_kind_throws_and_names_the_kind()
    {
        await using var provider = WorkerTestServices.Create(StubBackOffice.Answering(HttpStatusCode.OK)).BuildServiceProvider();
        var registry = provider.GetRequiredService<AdapterRegistry>();

        var error = Assert.Throws<InvalidOperationException>(() => registry.Get("brieftaube"));
        Assert.Contains("'brieftaube'", error.Message);
    }
}
