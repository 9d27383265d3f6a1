using Microsoft.Extensions.DependencyInjection;
using Open311Gateway.Worker.Destinations;

namespace Open311Gateway.Tests.Worker.Destinations;

public class DestinationPolicyTests
{
    private static DestinationPolicy Policy(params (string Key, string Value)[] settings)
    {
        var provider = WorkerTestServices.Create(StubBackOffice.Answering(System.Net.HttpStatusCode.OK),
            settings.ToDictionary(s => s.Key, s => (string?)s.Value)).BuildServiceProvider();
        return provider.GetRequiredService<DestinationPolicy>();
    }

    [Theory]
    [InlineData("https://backoffice.musterstadt.example/hook")]
    [InlineData("https://BACKOFFICE.musterstadt.example:8443/other")]
    public void A_listed_host_is_allowed_on_any_port_and_path(string url) =>
        Policy().EnsureAllowed(WorkerTestServices.Jurisdiction, new Uri(url));

    [Fact]
    public void A_host_and_port_entry_allows_that_port_only()
    {
        var policy = Policy(("Worker:Destinations:musterstadt.de:Hosts:1", "127.0.0.1:5090"));

        policy.EnsureAllowed(WorkerTestServices.Jurisdiction, new Uri("http://127.0.0.1:5090/webhook"));
        Assert.Throws<DestinationNotAllowedException>(() => policy.EnsureAllowed(WorkerTestServices.Jurisdiction, new Uri("http://127.0.0.1:6379/")));
    }

    [Fact]
    public void A_host_listed_for_another_jurisdiction_is_not_allowed_and_the_error_says_where_to_allow_it()
    {
        var policy = Policy(("Worker:Destinations:nachbarort.de:Hosts:0", "evil.example"));

        var error = Assert.Throws<DestinationNotAllowedException>(() =>
            policy.EnsureAllowed(WorkerTestServices.Jurisdiction, new Uri("https://evil.example/collect")));
        Assert.Contains("Worker:Destinations:musterstadt.de:Hosts", error.Message);
    }

    [Fact]
    public void A_jurisdiction_with_nothing_listed_may_send_nowhere() =>
        Assert.Throws<DestinationNotAllowedException>(() => Policy().EnsureAllowed("nachbarort.de", new Uri("https://backoffice.musterstadt.example/")));

    [Fact]
    public void Recipients_are_allowed_by_their_exact_domain()
    {
        var policy = Policy(("Worker:Destinations:musterstadt.de:MailDomains:0", "musterstadt.de"));

        policy.EnsureAllowedRecipient(WorkerTestServices.Jurisdiction, "maengel@MUSTERSTADT.de");
        Assert.Throws<DestinationNotAllowedException>(() => policy.EnsureAllowedRecipient(WorkerTestServices.Jurisdiction, "x@evil.musterstadt.de"));
        Assert.Throws<DestinationNotAllowedException>(() => policy.EnsureAllowedRecipient(WorkerTestServices.Jurisdiction, "x@musterstadt.de.evil.example"));
        Assert.Throws<DestinationNotAllowedException>(() => policy.EnsureAllowedRecipient(WorkerTestServices.Jurisdiction, "kein-at-zeichen"));
    }
}
