namespace Open311Gateway.Api.Catalog;

/// <summary>A catalogue that passed every check: safe to import as it is.</summary>
/// <param name="OpenData">The open-data catalogue's own metadata; null when the file publishes no open data.</param>
public sealed record ParsedCatalog(IReadOnlyList<CatalogJurisdiction> Jurisdictions, CatalogOpenDataCatalog? OpenData = null);
