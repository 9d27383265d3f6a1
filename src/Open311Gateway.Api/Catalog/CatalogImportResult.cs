namespace Open311Gateway.Api.Catalog;

/// <summary>Either the errors of a refused file (and nothing changed) or what the import did.</summary>
public sealed record CatalogImportResult(
    IReadOnlyList<CatalogError> Errors,
    CatalogImportCounts Jurisdictions,
    CatalogImportCounts Services)
{
    public bool Succeeded => Errors.Count == 0;

    internal static CatalogImportResult Refused(IReadOnlyList<CatalogError> errors) =>
        new(errors, CatalogImportCounts.None, CatalogImportCounts.None);

    public override string ToString() => Succeeded
        ? $"jurisdictions: {Jurisdictions}; services: {Services}"
        : $"catalogue refused, nothing changed:{Environment.NewLine}{string.Join(Environment.NewLine, Errors)}";
}
