using Open311Gateway.Contracts.Adapters;

namespace Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;

/// <summary>The delivery block a test gives the test jurisdiction, as a catalogue's <c>delivery:</c> would.</summary>
public sealed record TestRoute(
    string Adapter,
    string Endpoint,
    IReadOnlyDictionary<string, string>? Settings = null,
    IReadOnlyDictionary<string, string>? Statuses = null,
    int? PollSeconds = null)
{
    public static TestRoute Webhook(string url) => new(AdapterKinds.Webhook, url);
}
