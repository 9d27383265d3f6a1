using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Features;

/// <summary>The real host with a database that cannot be reached (a closed port).</summary>
public sealed class UnreachableDatabaseApp : IDisposable
{
    private readonly WebApplicationFactory<Program> _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
    {
        web.UseEnvironment("Testing")
            .UseSetting("ConnectionStrings:Gateway", "Host=127.0.0.1;Port=1;Database=open311;Username=postgres;Timeout=3;Pooling=false");
        foreach (var (key, value) in TestHostDefaults.Settings) web.UseSetting(key, value);
    });

    public UnreachableDatabaseApp() => Client = _factory.CreateClient();

    public HttpClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        _factory.Dispose();
    }
}

/// <summary>Our own outage answers 503 with an Open311 error body and Retry-After, which clients retry.</summary>
public sealed class DatabaseOutageTests(UnreachableDatabaseApp app) : IClassFixture<UnreachableDatabaseApp>
{
    private const string Unavailable = "The service is temporarily unavailable; please retry later.";

    private static void AssertRetryAfter(HttpResponseMessage response)
    {
        Assert.True(response.Headers.RetryAfter is not null, "No Retry-After header.");
        Assert.True(response.Headers.RetryAfter!.Delta > TimeSpan.Zero || response.Headers.RetryAfter.Date is not null);
    }

    [Fact]
    public async Task The_services_list_answers_503_with_an_open311_error_and_retry_after()
    {
        var response = await app.Client.GetOpen311Async("services.json");
        await Open311Assert.Body(response, HttpStatusCode.ServiceUnavailable, Open311Assert.Json, Open311Assert.JsonError(503, Unavailable));
        AssertRetryAfter(response);
    }

    [Fact]
    public async Task The_503_is_in_xml_when_xml_was_asked_for()
    {
        var response = await app.Client.GetOpen311Async("services.xml");
        await Open311Assert.Body(response, HttpStatusCode.ServiceUnavailable, Open311Assert.Xml, Open311Assert.XmlError(503, Unavailable));
        AssertRetryAfter(response);
    }

    [Theory]
    [InlineData("requests.json")]
    [InlineData("requests.xml")]
    public async Task A_post_answers_503_with_an_open311_error_and_retry_after(string path)
    {
        var response = await app.Client.PostFormAsync(path, HttpHelpers.Pothole("o311_0123456789ab_geheim"));
        if (path.EndsWith(".xml", StringComparison.Ordinal))
            await Open311Assert.Body(response, HttpStatusCode.ServiceUnavailable, Open311Assert.Xml, Open311Assert.XmlError(503, Unavailable));
        else
            await Open311Assert.Body(response, HttpStatusCode.ServiceUnavailable, Open311Assert.Json, Open311Assert.JsonError(503, Unavailable));
        AssertRetryAfter(response);
    }

    [Theory]
    [InlineData("discovery.json")]
    [InlineData("services/SCHLAGLOCH.json")]
    [InlineData("requests.json")]
    [InlineData("requests/1.json")]
    [InlineData("tokens/abc.json")]
    public async Task Every_resource_answers_503_while_the_database_is_down(string path)
    {
        var response = await app.Client.GetOpen311Async(path);
        await Open311Assert.Body(response, HttpStatusCode.ServiceUnavailable, Open311Assert.Json, Open311Assert.JsonError(503, Unavailable));
        AssertRetryAfter(response);
    }

    [Fact]
    public async Task An_unknown_suffix_is_still_a_404_without_the_database() =>
        await Open311Assert.JsonErrors(await app.Client.GetOpen311Async("services.html"), HttpStatusCode.NotFound);
}
