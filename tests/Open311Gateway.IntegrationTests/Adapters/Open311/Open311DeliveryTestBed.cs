using Open311Gateway.Contracts.Adapters;
using Open311Gateway.IntegrationTests.Infrastructure;
using Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;

namespace Open311Gateway.IntegrationTests.Adapters.Open311;

/// <summary>The whole path with the test jurisdiction forwarding to a second instance of our gateway as its upstream.</summary>
public sealed class Open311DeliveryTestBed : DeliveryTestBed
{
    /// <summary>The worker's bound on one exchange with the upstream.</summary>
    public const int TimeoutSeconds = 3;

    public UpstreamGateway Upstream { get; } = new();

    protected override Task StartBackOfficeAsync() => Upstream.StartAsync();

    protected override TestRoute Route => new(AdapterKinds.Open311, Upstream.Url + "/open311/v2",
        Settings: new Dictionary<string, string> { ["servicerequestupdates"] = "true" }, PollSeconds: 1);

    protected override IReadOnlyDictionary<string, string> WorkerEnvironment => new Dictionary<string, string>
    {
        [$"Adapters__Open311__ApiKeys__{TestCatalog.Jurisdiction}"] = Upstream.ApiKey,
        ["Adapters__Open311__TimeoutSeconds"] = TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    // A poll whose answer a killed worker took along is sent again after this, not after the default five minutes.
    protected override IEnumerable<KeyValuePair<string, string?>> ApiSettings => [new("Delivery:StatusPollLeaseSeconds", "5")];

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Upstream.DisposeAsync();
    }
}
