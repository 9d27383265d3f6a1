using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Open311Gateway.Api.ApiKeys;
using Open311Gateway.Api.RateLimiting;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.RateLimiting;

/// <summary>
/// Limits per API key and per client address (ADR 17): over a limit, 429 with Retry-After and an Open311 error in the
/// client's format, nothing stored, the rejection on the status page's list and on the metric. Every test uses
/// addresses and keys of its own, so the shared host's windows never mix.
/// </summary>
public sealed class RateLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    private async Task<string> NewKeyAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync("Rate test", CancellationToken.None)).Key;
    }

    private Task<HttpResponseMessage> PostReportAsync(string address, string key, string suffix = "json") =>
        app.Client.SendAsync(RateLimitedApp.From(address, HttpMethod.Post, HttpHelpers.Base + "requests." + suffix,
            new FormUrlEncodedContent(HttpHelpers.Pothole(key).Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)))));

    private Task<HttpResponseMessage> GetAsync(string address, string path) =>
        app.Client.SendAsync(RateLimitedApp.From(address, HttpMethod.Get, path));

    private async Task<long> ReportsOfAsync(string key)
    {
        ApiKey.TryParse(key, out var parsed);
        await using var db = app.Database.CreateDbContext();
        return await db.ServiceRequests.CountAsync(r => db.ApiClients.Any(c => c.Id == r.ApiClientId && c.KeyId == parsed!.KeyId));
    }

    private IReadOnlyList<RateLimitRejection> Recorded(string policy, string partition) =>
        app.Services.GetRequiredService<RecentRateLimitRejections>().Newest().Where(r => r.Policy == policy && r.Partition == partition).ToList();

    private static int RetryAfterOf(HttpResponseMessage response) =>
        int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_key_over_its_post_limit_gets_429_with_retry_after_in_json_and_xml_and_nothing_is_stored()
    {
        using var counter = new RejectionCounter(app.Services);
        var key = await NewKeyAsync();
        ApiKey.TryParse(key, out var parsed);
        // A new address each time: only the key's own window can fill up.
        for (var i = 1; i <= RateLimitedApp.PostsPerKey; i++)
            Assert.Equal(HttpStatusCode.OK, (await PostReportAsync($"198.51.100.{i}", key)).StatusCode);

        var json = await PostReportAsync("198.51.100.10", key);
        var errors = await Open311Assert.JsonErrors(json, HttpStatusCode.TooManyRequests);
        Assert.Equal(["Too many requests: at most 3 per 60 s for this key. Retry after " + RetryAfterOf(json) + " s."], errors);
        Assert.InRange(RetryAfterOf(json), 1, 60);
        var xml = await PostReportAsync("198.51.100.11", key, "xml");
        var document = await Open311Assert.XmlAnswer(xml, HttpStatusCode.TooManyRequests);
        Assert.Equal("429", document.Root!.Element("error")!.Element("code")!.Value);
        Assert.InRange(RetryAfterOf(xml), 1, 60);

        Assert.Equal(RateLimitedApp.PostsPerKey, await ReportsOfAsync(key));
        Assert.Equal(2, Recorded(RateLimitPolicies.PostPerKey, "key:" + parsed!.KeyId).Count);
        Assert.Equal(2, counter.Of(RateLimitPolicies.PostPerKey));
        Assert.DoesNotContain(app.Services.GetRequiredService<RecentRateLimitRejections>().Newest(),
            r => r.Partition.Contains(parsed.Secret, StringComparison.Ordinal) || r.Path.Contains(parsed.Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_key_keeps_its_own_window_when_one_key_is_used_up()
    {
        var (spent, fresh) = (await NewKeyAsync(), await NewKeyAsync());
        for (var i = 1; i <= RateLimitedApp.PostsPerKey; i++) await PostReportAsync($"198.51.101.{i}", spent);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostReportAsync("198.51.101.20", spent)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostReportAsync("198.51.101.21", fresh)).StatusCode);
    }

    [Fact]
    public async Task One_address_is_limited_across_keys_even_before_its_keys_are_checked()
    {
        using var counter = new RejectionCounter(app.Services);
        const string address = "203.0.113.50";
        // Guessing keys: each a 403, and each counts against the address.
        for (var i = 0; i < RateLimitedApp.PostsPerAddress; i++)
            await Open311Assert.JsonErrors(await PostReportAsync(address, $"o311_{i:x6}_guess"), HttpStatusCode.Forbidden);

        var response = await PostReportAsync(address, await NewKeyAsync());
        var errors = await Open311Assert.JsonErrors(response, HttpStatusCode.TooManyRequests);
        Assert.StartsWith("Too many requests: at most 5 per 60 s for this client address.", errors[0], StringComparison.Ordinal);
        Assert.InRange(RetryAfterOf(response), 1, 60);
        Assert.Single(Recorded(RateLimitPolicies.PostPerAddress, address));
        Assert.Equal(1, counter.Of(RateLimitPolicies.PostPerAddress));
    }

    [Fact]
    public async Task Reads_have_a_limit_of_their_own_per_address_answered_in_the_asked_format()
    {
        const string address = "203.0.113.60";
        for (var i = 0; i < RateLimitedApp.GetsPerAddress; i++)
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(address, HttpHelpers.Base + "services.json")).StatusCode);

        var xml = await GetAsync(address, HttpHelpers.Base + "requests.xml");
        Assert.Equal("429", (await Open311Assert.XmlAnswer(xml, HttpStatusCode.TooManyRequests)).Root!.Element("error")!.Element("code")!.Value);
        Assert.InRange(RetryAfterOf(xml), 1, 60);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await GetAsync(address, "/openapi.yaml")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await GetAsync(address, "/opendata/catalog.ttl")).StatusCode);
        // Another address reads on; probes are never limited.
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("203.0.113.61", HttpHelpers.Base + "services.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(address, "/health/live")).StatusCode);
        Assert.Equal(3, Recorded(RateLimitPolicies.GetPerAddress, address).Count);
    }

    [Fact]
    public async Task Open_data_exports_count_against_the_read_limit_per_address()
    {
        const string address = "203.0.113.62";
        for (var i = 0; i < RateLimitedApp.GetsPerAddress - 1; i++)
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(address, $"/opendata/{TestCatalog.Jurisdiction}/requests.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(address, HttpHelpers.Base + "services.json")).StatusCode);

        var limited = await GetAsync(address, $"/opendata/{TestCatalog.Jurisdiction}/requests.geojson");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(RetryAfterOf(limited), 1, 60);
        Assert.Single(Recorded(RateLimitPolicies.GetPerAddress, address));
    }

    [Fact]
    public async Task The_back_office_api_is_limited_per_bearer_key_id()
    {
        const string address = "203.0.113.70";
        const string keyId = "abc123";
        HttpRequestMessage Update(string key)
        {
            var request = RateLimitedApp.From(address, HttpMethod.Post, "/backoffice/v1/requests/1/updates");
            request.Headers.Authorization = new("Bearer", key);
            return request;
        }

        for (var i = 0; i < RateLimitedApp.BackOfficePerKey; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client.SendAsync(Update($"o311_{keyId}_secret{i}"))).StatusCode);
        var limited = await app.Client.SendAsync(Update($"o311_{keyId}_secret-last"));
        await Open311Assert.JsonErrors(limited, HttpStatusCode.TooManyRequests);
        Assert.InRange(RetryAfterOf(limited), 1, 60);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client.SendAsync(Update("o311_def456_other"))).StatusCode);
        var recorded = Assert.Single(Recorded(RateLimitPolicies.BackOfficePerKey, "key:" + keyId));
        Assert.DoesNotContain("secret", recorded.Partition + recorded.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_links_are_limited_per_address_and_the_record_keeps_no_token()
    {
        const string address = "203.0.113.80";
        const string token = "not-a-real-token-but-secret-looking";
        for (var i = 0; i < RateLimitedApp.StatusLinksPerAddress; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(address, $"/status-links/1/{token}")).StatusCode);
        var limited = await GetAsync(address, $"/status-links/1/{token}");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(RetryAfterOf(limited), 1, 60);
        var recorded = Assert.Single(Recorded(RateLimitPolicies.StatusLinksPerAddress, address));
        Assert.Equal("/status-links/…", recorded.Path);
    }
}
