namespace Open311Gateway.Worker.Adapters.Redmine;

/// <summary>What the adapter reads of a Redmine issue.</summary>
/// <param name="CustomFields">Custom field values by field id (a field Redmine sent without a value maps to null).</param>
/// <param name="Journals">Only when asked for with <c>include=journals</c>; oldest first.</param>
public sealed record RedmineIssue(
    int Id,
    int StatusId,
    string? StatusName,
    DateTimeOffset UpdatedOn,
    IReadOnlyDictionary<int, string?> CustomFields,
    IReadOnlyList<RedmineJournal> Journals)
{
    public string? CustomField(int id) => CustomFields.TryGetValue(id, out var value) ? value : null;
}
