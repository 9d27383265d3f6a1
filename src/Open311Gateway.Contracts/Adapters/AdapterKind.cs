namespace Open311Gateway.Contracts.Adapters;

/// <summary>What the catalogue may say about one adapter kind, and how its status comes back.</summary>
/// <param name="Name">The catalogue's <c>adapter:</c> value and <see cref="DeliveryRoute.Adapter"/>.</param>
/// <param name="Endpoint">What its <c>endpoint:</c> must be.</param>
/// <param name="Status">How statuses come back from this kind of back office.</param>
/// <param name="Settings">The <c>settings:</c> keys it understands.</param>
/// <param name="PollsByCase">Its polls need the list of cases to ask about (the API sends them along).</param>
public sealed record AdapterKind(
    string Name,
    EndpointForm Endpoint,
    StatusFlow Status,
    IReadOnlyList<AdapterSetting> Settings,
    bool PollsByCase = false)
{
    public bool PullsStatus => Status == StatusFlow.Pulled;

    public AdapterSetting? Setting(string name) => Settings.FirstOrDefault(s => s.Name == name);
}
