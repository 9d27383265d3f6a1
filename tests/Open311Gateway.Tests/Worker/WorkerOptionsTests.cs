using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Open311Gateway.ServiceDefaults.Bus;
using Open311Gateway.Worker.Adapters.Webhook;
using Open311Gateway.Worker.Hosting;

namespace Open311Gateway.Tests.Worker;

public class WorkerOptionsTests
{
    private static IServiceProvider Provider(IDictionary<string, string?> settings) =>
        WorkerTestServices.Create(StubBackOffice.Answering(HttpStatusCode.OK), settings).BuildServiceProvider();

    [Fact]
    public void Configured_short_retry_intervals_replace_the_default_instead_of_adding_to_it()
    {
        var options = Provider(new Dictionary<string, string?>()).GetRequiredService<IOptions<WorkerOptions>>().Value;

        Assert.Equal([TimeSpan.Zero, TimeSpan.Zero], options.ShortRetryIntervals);
    }

    [Fact]
    public void Short_retry_intervals_may_be_fractions_of_a_second()
    {
        var options = Provider(new Dictionary<string, string?>
        {
            ["Worker:ShortRetryIntervalsSeconds:0"] = "0.1",
            ["Worker:ShortRetryIntervalsSeconds:1"] = "0.25",
        }).GetRequiredService<IOptions<WorkerOptions>>().Value;

        Assert.Equal([TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250)], options.ShortRetryIntervals);
    }

    [Fact]
    public void Defaults_are_one_five_fifteen_seconds_prefetch_sixteen_and_a_ten_second_webhook_timeout()
    {
        var options = new WorkerOptions();

        Assert.Equal([1, 5, 15], options.ShortRetryIntervals.Select(i => i.TotalSeconds));
        Assert.Equal(16, options.PrefetchCount);
        Assert.Equal(10, new WebhookOptions().TimeoutSeconds);
        var rabbit = new RabbitMqOptions();
        Assert.Equal(("127.0.0.1", 5672, "/", "guest", "guest"), (rabbit.Host, rabbit.Port, rabbit.VirtualHost, rabbit.Username, rabbit.Password));
        Assert.False(rabbit.QuorumQueues);
    }

    [Fact]
    public void A_worker_without_jurisdictions_refuses_to_start_and_says_which_setting_is_missing()
    {
        var provider = Provider(new Dictionary<string, string?> { ["Worker:Jurisdictions:0"] = null });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<WorkerOptions>>().Value);
        Assert.Contains("Worker:Jurisdictions is empty", error.Message);
    }

    [Fact]
    public void Secrets_are_found_whatever_the_case_of_the_jurisdiction_id()
    {
        var options = Provider(new Dictionary<string, string?> { ["Adapters:Webhook:Secrets:Beispieldorf.de"] = "k" })
            .GetRequiredService<IOptions<WebhookOptions>>().Value;

        Assert.Equal("k", options.SecretFor("beispieldorf.de"));
        Assert.Null(options.SecretFor("unbekannt.de"));
    }
}
