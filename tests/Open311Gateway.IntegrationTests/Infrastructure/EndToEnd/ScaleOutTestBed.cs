using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Newtonsoft.Json;
using Open311Gateway.Api.ApiKeys;
using Open311Gateway.Api.BackOffice;
using Open311Gateway.Api.Data.Entities;
using RabbitMQ.Client;

namespace Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;

/// <summary>
/// Two API processes and two worker processes against one database and one broker virtual host, delivering
/// to the recording back office: the smallest deployment that has every kind of replica twice.
/// </summary>
public sealed class ScaleOutTestBed : IAsyncLifetime
{
    private readonly BrokerVirtualHost _virtualHost = new();
    private readonly List<ApiProcess> _apis = [];
    private readonly List<WorkerProcess> _workers = [];

    public TestDatabase Database { get; } = new();
    public RecordingBackOffice BackOffice { get; } = new();
    public IReadOnlyList<ApiProcess> Apis => _apis;
    public IReadOnlyList<WorkerProcess> Workers => _workers;
    public string ApiKey { get; private set; } = "";
    public string BackOfficeKey { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Task.WhenAll(_virtualHost.InitializeAsync(), Database.InitializeAsync(), BackOffice.StartAsync());
        await using (var db = Database.CreateDbContext())
        {
            await TestCatalog.SeedAsync(db);
            await TestRoute.Webhook(BackOffice.Url).ApplyAsync(db);
            ApiKey = await TestApiKeys.CreateAsync(db, "Testclient");
            (_, BackOfficeKey) = await new BackOfficeKeyService(db, TimeProvider.System).CreateAsync(TestCatalog.Jurisdiction, "Bauhof", CancellationToken.None);
        }

        var broker = new BrokerAddress(_virtualHost.Host, _virtualHost.Port, _virtualHost.Name);
        for (var i = 0; i < 2; i++)
        {
            _apis.Add(new ApiProcess(Database.ConnectionString, broker));
            _workers.Add(new WorkerProcess(broker.Host, broker.Port, broker.VirtualHost, TestCatalog.Jurisdiction));
        }
        await Task.WhenAll(_apis.Select(a => a.StartAsync()).Concat(_workers.Select(w => w.StartAsync())));
    }

    /// <summary>Posts a pothole report to one API and returns its service_request_id.</summary>
    public async Task<string> PostReportAsync(ApiProcess api, string description)
    {
        var fields = HttpHelpers.Pothole(ApiKey, ("description", description));
        var response = await api.Client.PostAsync(HttpHelpers.Base + "requests.json",
            new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))));
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != System.Net.HttpStatusCode.OK) throw new InvalidOperationException($"POST answered {response.StatusCode}: {body}");
        return (string)Newtonsoft.Json.Linq.JToken.Parse(body)[0]!["service_request_id"]!;
    }

    /// <summary>Sends a status update to one API's back-office endpoint, as the test jurisdiction's back office.</summary>
    public Task<HttpResponseMessage> PostStatusAsync(ApiProcess api, string requestId, object update)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, $"/backoffice/v1/requests/{requestId}/updates")
        {
            Content = new StringContent(JsonConvert.SerializeObject(update), Encoding.UTF8, "application/json"),
        };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BackOfficeKey);
        return api.Client.SendAsync(message);
    }

    /// <summary>How many consumers read a queue now, as the broker counts them (a passive declare changes nothing).</summary>
    public async Task<uint> ConsumerCountAsync(string queue)
    {
        var factory = new ConnectionFactory { HostName = _virtualHost.Host, Port = _virtualHost.Port, VirtualHost = _virtualHost.Name };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(queue)).ConsumerCount;
    }

    public async Task<List<Delivery>> DeliveriesAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.Deliveries.AsNoTracking().ToListAsync();
    }

    /// <summary>Polls until the condition holds; fails with every process's log when it does not in time.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        if (await Eventually.HoldsAsync(condition, timeout)) return;
        var states = string.Join(", ", (await DeliveriesAsync()).GroupBy(d => d.State).Select(g => $"{g.Key}: {g.Count()}"));
        var logs = string.Join("\n", _apis.Select((a, i) => $"API {i} log:\n{a.Output}").Concat(_workers.Select((w, i) => $"Worker {i} log:\n{w.Output}")));
        throw new TimeoutException($"Timed out after {timeout} waiting until {what}. Deliveries: {states}. Back office received {BackOffice.Received.Count}.\n{logs}");
    }

    public async Task DisposeAsync()
    {
        foreach (var worker in _workers) await worker.DisposeAsync();
        foreach (var api in _apis) await api.DisposeAsync();
        await BackOffice.DisposeAsync();
        await Database.DisposeAsync();
        await _virtualHost.DisposeAsync();
    }
}
