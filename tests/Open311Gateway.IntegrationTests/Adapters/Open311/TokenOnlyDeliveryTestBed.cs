using Open311Gateway.Contracts.Adapters;
using Open311Gateway.IntegrationTests.Infrastructure;
using Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;

namespace Open311Gateway.IntegrationTests.Adapters.Open311;

/// <summary>The whole path with the test jurisdiction forwarding to a batch upstream that speaks XML and answers with tokens.</summary>
public sealed class TokenOnlyDeliveryTestBed : DeliveryTestBed
{
    public TokenOnlyUpstream Upstream { get; } = new();

    protected override Task StartBackOfficeAsync() => Upstream.StartAsync();

    protected override TestRoute Route => new(AdapterKinds.Open311, Upstream.Url + "/open311/v2",
        Settings: new Dictionary<string, string> { ["format"] = "xml" },
        Statuses: new Dictionary<string, string> { ["IN_PROCESS"] = "IN_PROGRESS", ["closed"] = "FIXED" },
        PollSeconds: 1);

    protected override IReadOnlyDictionary<string, string> WorkerEnvironment => new Dictionary<string, string>
    {
        [$"Adapters__Open311__ApiKeys__{TestCatalog.Jurisdiction}"] = TokenOnlyUpstream.Key,
        ["Adapters__Open311__TimeoutSeconds"] = "5",
    };

    protected override IEnumerable<KeyValuePair<string, string?>> ApiSettings => [new("Delivery:StatusPollLeaseSeconds", "5")];

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Upstream.DisposeAsync();
    }
}
