using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Open311Gateway.Contracts.Adapters;
using Open311Gateway.Worker.Adapters;
using Open311Gateway.Worker.Adapters.Open311;

namespace Open311Gateway.Tests.Worker;

public class Open311RegistrationTests
{
    [Fact]
    public async Task The_open311_adapter_forwards_and_polls_in_a_worker_that_configured_nothing_for_it()
    {
        await using var provider = WorkerTestServices.Create(StubBackOffice.Answering(HttpStatusCode.OK)).BuildServiceProvider();
        var registry = provider.GetRequiredService<AdapterRegistry>();

        Assert.IsType<Open311Adapter>(registry.Get(AdapterKinds.Open311));
        Assert.IsType<Open311Adapter>(registry.GetPoller(AdapterKinds.Open311));
        Assert.Equal(10, provider.GetRequiredService<IOptions<Open311UpstreamOptions>>().Value.TimeoutSeconds);
    }

    [Fact]
    public async Task A_timeout_that_is_not_positive_stops_the_worker_at_start()
    {
        await using var provider = WorkerTestServices.Create(StubBackOffice.Answering(HttpStatusCode.OK),
            new Dictionary<string, string?> { ["Adapters:Open311:TimeoutSeconds"] = "0" }).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<Open311UpstreamOptions>>().Value);
        Assert.Contains("Adapters:Open311:TimeoutSeconds", error.Message);
    }
}
