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

    /// <summary>
    /// Days after a report was closed until its personal data is erased, when the catalogue does not say: long enough
    /// for the back office to ask the citizen back about a closed case, short enough that the gateway (a conduit, not
    /// the municipality's record) holds no one's contact data for longer than it needs (ADR 16).
    /// </summary>
    public const int DefaultPersonalDataRetentionDays = 30;

    /// <summary>The catalogue's word for "the retention job never erases this jurisdiction's reports".</summary>
    public const string RetentionNever = "never";

    public static bool IsListDatatype(string datatype) => datatype is "singlevaluelist" or "multivaluelist";
}
