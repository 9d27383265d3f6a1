namespace Open311Gateway.Api.Catalog;

/// <summary>A catalogue that passed every check: safe to import as it is.</summary>
public sealed record ParsedCatalog(IReadOnlyList<CatalogJurisdiction> Jurisdictions);
