namespace Open311Gateway.Worker.Adapters.Open311;

/// <summary>
/// One element of an upstream's list answer (a request, a token, an error), its fields as text. Nested fields are named
/// with a dot (<c>extended_attributes.detailed_status</c>); repeated and list fields are left out.
/// </summary>
public sealed class UpstreamItem(IReadOnlyDictionary<string, string> fields)
{
    public IReadOnlyDictionary<string, string> Fields { get; } = fields;

    /// <summary>The field's text, trimmed; null when it is absent or blank.</summary>
    public string? this[string name] =>
        Fields.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
