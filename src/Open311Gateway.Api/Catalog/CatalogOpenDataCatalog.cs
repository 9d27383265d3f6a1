namespace Open311Gateway.Api.Catalog;

/// <summary>The catalogue file's top-level <c>open_data:</c> block: the DCAT catalogue that lists the jurisdictions' datasets.</summary>
public sealed record CatalogOpenDataCatalog(string Title, string Description, CatalogAgent Publisher, string? Homepage = null);
