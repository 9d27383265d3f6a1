using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.ApiKeys;
using Open311Gateway.Api.BackOffice;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.IntegrationTests.Infrastructure;
using Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;

namespace Open311Gateway.IntegrationTests.Observability;

/// <summary>
/// No key and no personal data in any log line: the API and the worker as real processes, every category at Information
/// (ASP.NET Core's request lines included), through accepted, rejected and failing paths, and then every line both
/// wrote is searched for each personal value and key the flow used. Also: every line is a JSON object, and the lines
/// of a request or a delivery carry its trace id; the worker's /metrics counts the deliveries by adapter and outcome.
/// </summary>
public sealed class LogLeakTests : IAsyncLifetime
{
    private const string FailFirst = "LEAK-FAIL-FIRST";
    private const string Refused = "LEAK-REFUSED";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    private readonly TestDatabase _database = new();
    private readonly BrokerVirtualHost _broker = new();
    private readonly RecordingBackOffice _backOffice = new();
    private readonly int _workerManagementPort = FreePort.Next();
    private ApiProcess _api = null!;
    private WorkerProcess _worker = null!;
    private string _apiKey = "";
    private string _backOfficeKey = "";

    // The personal values and keys this flow uses; none may appear in a log line.
    private const string Email = "leak.erika.m@example.org";
    private const string Phone = "+49 30 98765432";
    private const string FirstName = "Erikaleakcheck";
    private const string LastName = "Musterleakcheck";
    private const string DeviceId = "geraet-leak-4711";
    private const string WrongApiKey = "o311_wrongkeyleak0123456789";
    private const string WrongBearer = "bearer-leak-wrong-0123456789";
    private readonly string _statusLinkToken = "stltoken" + Guid.NewGuid().ToString("N");

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await _broker.InitializeAsync();
        await _backOffice.StartAsync();
        await using (var db = _database.CreateDbContext())
        {
            await TestCatalog.SeedAsync(db);
            await TestRoute.Webhook(_backOffice.Url).ApplyAsync(db);
            _apiKey = await TestApiKeys.CreateAsync(db, "Leak test client");
            (_, _backOfficeKey) = await new BackOfficeKeyService(db, TimeProvider.System).CreateAsync(TestCatalog.Jurisdiction, "Leak test office", CancellationToken.None);
        }
        var broker = new BrokerAddress(_broker.Host, _broker.Port, _broker.Name);
        var everything = new Dictionary<string, string>
        {
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Information",
            ["Logging__LogLevel__System.Net.Http.HttpClient"] = "Information",
        };
        _api = new ApiProcess(_database.ConnectionString, broker, everything);
        await _api.StartAsync();
        _worker = new WorkerProcess(broker.Host, broker.Port, broker.VirtualHost, TestCatalog.Jurisdiction, new Dictionary<string, string>(everything)
        {
            ["Management__Port"] = _workerManagementPort.ToString(CultureInfo.InvariantCulture),
            ["Management__Address"] = "127.0.0.1",
        });
        await _worker.StartAsync();
    }

    [Fact]
    public async Task No_key_and_no_personal_data_reach_a_log_line_of_the_API_or_the_worker()
    {
        _backOffice.FailWhenBodyContains(FailFirst, HttpStatusCode.ServiceUnavailable);
        _backOffice.RefuseWhenBodyContains(Refused, HttpStatusCode.UnprocessableEntity, "not accepted");
        var client = _api.Client;

        // Accepted, with the key in the query string too (clients do that), and every personal field.
        var delivered = await AcceptedAsync($"requests.json?api_key={_apiKey}", Person(("api_key", _apiKey), ("description", FailFirst + " Schlagloch")));
        var refused = await AcceptedAsync("requests.json", Person(("api_key", _apiKey), ("description", Refused + " Schlagloch")));
        // Rejected input: a wrong key (in the query and the body), an unknown service, a bad location.
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"requests.json?api_key={WrongApiKey}", Form(Person(("api_key", WrongApiKey))))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("requests.json", Form(Person(("api_key", _apiKey), ("service_code", "NOPE"))))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("requests.json", Form(Person(("api_key", _apiKey), ("lat", Email))))).StatusCode);
        // Reads with a key and personal values in the query, and a status link's token in the path.
        await client.GetAsync($"requests/{delivered}.json?api_key={_apiKey}&email={Uri.EscapeDataString(Email)}");
        await client.GetAsync($"status-links/{delivered}/{_statusLinkToken}");
        // The back office's status API, with its key and with a wrong one.
        Assert.Equal(HttpStatusCode.Unauthorized, (await BackOfficeUpdateAsync(delivered, WrongBearer)).StatusCode);
        await BackOfficeUpdateAsync(delivered, _backOfficeKey);

        // Failing deliveries: short retries, then an attempt reported failed, then the API's retry delivers it.
        await WaitUntilAsync(async () => (await DeliveryOfAsync(delivered)).Attempts >= 2, "the first report's delivery failed twice");
        _backOffice.StopFailingWhenBodyContains(FailFirst);
        await WaitUntilAsync(async () => (await DeliveryOfAsync(delivered)).State == DeliveryStates.Delivered, "the first report is delivered");
        await WaitUntilAsync(async () => (await DeliveryOfAsync(refused)).State == DeliveryStates.Rejected, "the second report is refused");

        using (var http = new HttpClient())
        {
            var scrape = await http.GetStringAsync($"http://127.0.0.1:{_workerManagementPort}/metrics");
            foreach (var outcome in new[] { "delivered", "rejected", "failed", "short_retry" })
                Assert.True(ApiMetricsTests.Value(scrape, "open311_deliveries_total", "adapter=\"webhook\"", $"outcome=\"{outcome}\"") >= 1, $"{outcome} counted\n{scrape}");
        }

        await _api.StopAsync();
        await _worker.StopAsync();
        var lines = new Dictionary<string, string[]> { ["API"] = Lines(_api.Output), ["worker"] = Lines(_worker.Output) };

        // The search has teeth: the request lines that would carry a query string were written.
        Assert.Contains(lines["API"], line => line.Contains("Request starting HTTP/1.1 POST", StringComparison.Ordinal));
        Assert.Contains(lines["worker"], line => line.Contains("Delivered", StringComparison.Ordinal));
        var secrets = new[]
        {
            Email, Phone, Phone.Replace(" ", "", StringComparison.Ordinal), Uri.EscapeDataString(Email), FirstName, LastName, DeviceId,
            _apiKey, Secret(_apiKey), WrongApiKey, Secret(WrongApiKey), _backOfficeKey, Secret(_backOfficeKey), WrongBearer, _statusLinkToken,
        };
        var leaks = (from process in lines
                     from line in process.Value
                     from secret in secrets
                     where line.Contains(secret, StringComparison.OrdinalIgnoreCase)
                     select $"{process.Key}: '{secret}' in {line}").ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));

        // Structured: one JSON object per line; the lines of a request and of a delivery carry the trace id.
        foreach (var (process, processLines) in lines)
            foreach (var line in processLines)
                Assert.True(JsonDocument.Parse(line).RootElement.ValueKind == JsonValueKind.Object, $"{process}: {line}");
        Assert.All(lines["API"].Where(l => l.Contains("\"category\":\"Microsoft.AspNetCore.Hosting.Diagnostics\"", StringComparison.Ordinal)),
            line => Assert.Contains("\"trace_id\":", line));
        Assert.All(lines["worker"].Where(l => l.Contains("\"category\":\"Open311Gateway.Worker.Consumers.DeliveryOutcomeReporter\"", StringComparison.Ordinal)),
            line => Assert.Contains("\"trace_id\":", line));
    }

    private static (string, string)[] Person(params (string Name, string Value)[] fields)
    {
        var person = new Dictionary<string, string>
        {
            ["service_code"] = "SCHLAGLOCH", ["lat"] = "52.5200", ["long"] = "13.4050", ["attribute[GROESSE]"] = "klein",
            ["email"] = Email, ["phone"] = Phone, ["first_name"] = FirstName, ["last_name"] = LastName, ["device_id"] = DeviceId,
        };
        foreach (var (name, value) in fields) person[name] = value;
        return person.Select(p => (p.Key, p.Value)).ToArray();
    }

    private static FormUrlEncodedContent Form((string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    private async Task<long> AcceptedAsync(string path, (string, string)[] fields)
    {
        var response = await _api.Client.PostAsync(path, Form(fields));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return long.Parse(JsonDocument.Parse(body).RootElement[0].GetProperty("service_request_id").GetString()!, CultureInfo.InvariantCulture);
    }

    private Task<HttpResponseMessage> BackOfficeUpdateAsync(long id, string key)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, $"{_api.BaseUrl}/backoffice/v1/requests/{id}/updates")
        {
            Content = new StringContent($$"""{"update_id":"LEAK-{{Guid.NewGuid():N}}","status":"closed","description":"Erledigt"}""", Encoding.UTF8, "application/json"),
        };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return _api.Client.SendAsync(message);
    }

    private async Task<Delivery> DeliveryOfAsync(long requestId)
    {
        await using var db = _database.CreateDbContext();
        return await db.Deliveries.AsNoTracking().Where(d => d.ServiceRequestId == requestId).OrderBy(d => d.CreatedAt).FirstAsync();
    }

    private async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return;
            await Task.Delay(200);
        }
        throw new TimeoutException($"Timed out waiting until {what}.\nAPI log:\n{_api.Output}\nWorker log:\n{_worker.Output}");
    }

    // A key without its o311_ prefix: what is left is still the secret.
    private static string Secret(string key) => key.StartsWith("o311_", StringComparison.Ordinal) ? key["o311_".Length..] : key;

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public async Task DisposeAsync()
    {
        await _worker.DisposeAsync();
        await _api.DisposeAsync();
        await _backOffice.DisposeAsync();
        await _broker.DisposeAsync();
        await _database.DisposeAsync();
    }
}
