using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Open311Gateway.IntegrationTests.Infrastructure;
using Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;

namespace Open311Gateway.IntegrationTests.Observability;

/// <summary>The API's Prometheus scrape on its management port: what a POST leaves there, and that the public port has none of it.</summary>
public sealed class ApiMetricsTests(ApiMetricsTests.Fixture fixture) : IClassFixture<ApiMetricsTests.Fixture>
{
    [Fact]
    public async Task A_accepted_report_shows_in_the_counter_by_jurisdiction_the_outbox_gauges_and_the_request_duration_by_route()
    {
        // The only POST of this class; the gauges' first reading comes after it (they answer from a 5 s cache).
        var response = await fixture.Api.Client.PostFormAsync("requests.json", HttpHelpers.Pothole(fixture.ApiKey));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(0.5));

        var scrape = await fixture.ScrapeAsync();
        Assert.Equal(1, Value(scrape, "open311_reports_accepted_total", $"jurisdiction=\"{TestCatalog.Jurisdiction}\""));
        // The dispatcher is off: the report's outbox row waits, so the backlog counts it and its age grows.
        Assert.True(Value(scrape, "open311_outbox_backlog") >= 1, scrape);
        Assert.True(Value(scrape, "open311_outbox_oldest_age_seconds") > 0, scrape);
        Assert.Equal(0, Value(scrape, "open311_deliveries_retry_waiting"));
        // The route template, not the path with its suffix: the format middleware strips ".json" before routing.
        Assert.NotNull(Value(scrape, "http_server_request_duration_seconds_count",
            "http_request_method=\"POST\"", "http_response_status_code=\"200\"", "http_route=\"open311/v2/requests\""));
    }

    [Fact]
    public async Task The_public_port_serves_no_metrics()
    {
        var response = await fixture.Api.Client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("open311_", await response.Content.ReadAsStringAsync());
    }

    /// <summary>The sample of a metric whose labels contain all of these; null when there is none.</summary>
    internal static double? Value(string scrape, string metric, params string[] labels)
    {
        foreach (var line in scrape.Split('\n'))
        {
            var match = Regex.Match(line, $@"^{Regex.Escape(metric)}(?:\{{(?<labels>[^}}]*)\}})? (?<value>\S+)");
            if (!match.Success || !labels.All(label => match.Groups["labels"].Value.Contains(label, StringComparison.Ordinal))) continue;
            return double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
        }
        return null;
    }

    /// <summary>
    /// The API as a process of its own: OpenTelemetry listens to every meter of its name in a process, so in the test
    /// process it would count the reports of every other test host running beside this class.
    /// </summary>
    public sealed class Fixture : IAsyncLifetime
    {
        private readonly TestDatabase _database = new();
        private readonly BrokerVirtualHost _broker = new();
        private readonly int _managementPort = FreePort.Next();

        public ApiProcess Api { get; private set; } = null!;
        public string ApiKey { get; private set; } = "";

        public async Task InitializeAsync()
        {
            await Task.WhenAll(_database.InitializeAsync(), _broker.InitializeAsync());
            await using (var db = _database.CreateDbContext())
            {
                await TestCatalog.SeedAsync(db);
                await TestRoute.Webhook("http://127.0.0.1:9/webhook").ApplyAsync(db);
                ApiKey = await TestApiKeys.CreateAsync(db, "Metrics test client");
            }
            Api = new ApiProcess(_database.ConnectionString, new BrokerAddress(_broker.Host, _broker.Port, _broker.Name),
                new Dictionary<string, string>
                {
                    ["Delivery__RunDispatcher"] = "false",
                    ["Management__Port"] = _managementPort.ToString(CultureInfo.InvariantCulture),
                    ["Management__Address"] = "127.0.0.1",
                });
            await Api.StartAsync();
        }

        public async Task<string> ScrapeAsync()
        {
            using var http = new HttpClient();
            return await http.GetStringAsync($"http://127.0.0.1:{_managementPort}/metrics");
        }

        public async Task DisposeAsync()
        {
            await Api.DisposeAsync();
            await _broker.DisposeAsync();
            await _database.DisposeAsync();
        }
    }
}
