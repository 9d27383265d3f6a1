using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;

/// <summary>
/// The whole path on one machine: API (with its outbox dispatcher) → RabbitMQ → worker process →
/// recording back office. The broker is a virtual host of its own on the shared test broker.
/// Variants for other adapters override <see cref="Route"/>, <see cref="WorkerEnvironment"/> and <see cref="ApiSettings"/>
/// and start their back office in <see cref="StartBackOfficeAsync"/>.
/// </summary>
public class DeliveryTestBed : IAsyncLifetime
{
    private BrokerVirtualHost? _virtualHost;

    public RecordingBackOffice BackOffice { get; } = new();
    public GatewayApp Api { get; private set; } = null!;
    public WorkerProcess Worker { get; private set; } = null!;
    protected BrokerAddress Broker { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Broker = await StartBrokerAsync();
        await StartBackOfficeAsync();
        Api = new RoutedGatewayApp(Broker, Route, settings: ApiSettings);
        await Api.InitializeAsync();
        Worker = NewWorker();
        await Worker.StartAsync();
    }

    protected virtual async Task<BrokerAddress> StartBrokerAsync()
    {
        _virtualHost = new BrokerVirtualHost();
        await _virtualHost.InitializeAsync();
        return new BrokerAddress(_virtualHost.Host, _virtualHost.Port, _virtualHost.Name);
    }

    /// <summary>Starts the back office the route points at; by default the recording webhook receiver.</summary>
    protected virtual Task StartBackOfficeAsync() => BackOffice.StartAsync();

    /// <summary>The test jurisdiction's delivery block; by default the signed webhook to <see cref="BackOffice"/>.</summary>
    protected virtual TestRoute Route => TestRoute.Webhook(BackOffice.Url);

    /// <summary>The worker's settings for the route's adapter (environment variables).</summary>
    protected virtual IReadOnlyDictionary<string, string> WorkerEnvironment => new Dictionary<string, string>();

    /// <summary>The API's settings beyond <see cref="RoutedGatewayApp"/>'s (status links, say).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> ApiSettings => [];

    /// <summary>A worker for the test jurisdiction; not started.</summary>
    public WorkerProcess NewWorker() => new(Broker.Host, Broker.Port, Broker.VirtualHost, TestCatalog.Jurisdiction, WorkerEnvironment);

    /// <summary>Replaces the worker with a new process (after a test killed it).</summary>
    public async Task RestartWorkerAsync()
    {
        await Worker.DisposeAsync();
        Worker = NewWorker();
        await Worker.StartAsync();
    }

    /// <summary>Posts a pothole report of the test catalogue and returns its service_request_id.</summary>
    public async Task<string> PostReportAsync(params (string, string)[] extra)
    {
        var response = await Api.Client.PostFormAsync("requests.json", HttpHelpers.Pothole(Api.ApiKey, extra));
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != System.Net.HttpStatusCode.OK) throw new InvalidOperationException($"POST answered {response.StatusCode}: {body}");
        return (string)Newtonsoft.Json.Linq.JToken.Parse(body)[0]!["service_request_id"]!;
    }

    public async Task<List<Delivery>> DeliveriesAsync()
    {
        await using var db = Api.Database.CreateDbContext();
        return await db.Deliveries.AsNoTracking().OrderBy(d => d.CreatedAt).ToListAsync();
    }

    /// <summary>Polls until the condition holds; fails with the worker's log when it does not in time.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        if (await Eventually.HoldsAsync(condition, timeout)) return;
        var states = string.Join(", ", (await DeliveriesAsync()).GroupBy(d => d.State).Select(g => $"{g.Key}: {g.Count()}"));
        throw new TimeoutException($"Timed out after {timeout} waiting until {what}. Deliveries: {states}. Back office received {BackOffice.Received.Count}.\nWorker log:\n{Worker.Output}");
    }

    public virtual async Task DisposeAsync()
    {
        await Worker.DisposeAsync();
        await Api.DisposeAsync();
        await BackOffice.DisposeAsync();
        if (_virtualHost is not null) await _virtualHost.DisposeAsync();
    }
}
