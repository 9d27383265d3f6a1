namespace Open311Gateway.Api.Catalog;

/// <summary>The closed word lists of GeoReport v2 that a catalogue may use.</summary>
public static class CatalogVocabulary
{
    public const string DefaultTimeZone = "Europe/Berlin";
    public const string DefaultServiceType = "realtime";

    public static IReadOnlyList<string> ServiceTypes { get; } = ["realtime", "batch", "blackbox"];

    public static IReadOnlyList<string> Datatypes { get; } =
        ["string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"];

    /// <summary>Adapter kinds a worker knows; see specs/webhook.md.</summary>
    public static IReadOnlyList<string> Adapters { get; } = ["webhook"];

    public static bool IsListDatatype(string datatype) => datatype is "singlevaluelist" or "multivaluelist";
}
