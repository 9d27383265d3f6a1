namespace Open311Gateway.Api.Catalog;

/// <summary>The closed word lists of GeoReport v2 that a catalogue may use.</summary>
public static class CatalogVocabulary
{
    public const string DefaultTimeZone = "Europe/Berlin";
    public const string DefaultServiceType = "realtime";

    public static IReadOnlyList<string> ServiceTypes { get; } = ["realtime", "batch", "blackbox"];

    public static IReadOnlyList<string> Datatypes { get; } =
        ["string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"];

    /// <summary>Fallback for back offices whose statuses are pulled and whose block names no <c>poll_seconds</c>.</summary>
    public const int DefaultPollSeconds = 300;

    public static bool IsListDatatype(string datatype) => datatype is "singlevaluelist" or "multivaluelist";
}
