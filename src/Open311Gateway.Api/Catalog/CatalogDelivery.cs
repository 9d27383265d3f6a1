namespace Open311Gateway.Api.Catalog;

/// <summary>
/// How reports reach a back office: an adapter kind, its address, its settings and, for back offices whose
/// statuses are pulled, how often to ask and how their statuses map to ours. Secrets stay in the worker's configuration.
/// </summary>
public sealed record CatalogDelivery(
    string Adapter,
    string Endpoint,
    IReadOnlyDictionary<string, string> Settings,
    IReadOnlyDictionary<string, string> Statuses,
    int? PollSeconds)
{
    public CatalogDelivery(string adapter, string endpoint)
        : this(adapter, endpoint, new Dictionary<string, string>(), new Dictionary<string, string>(), null)
    {
    }
}
