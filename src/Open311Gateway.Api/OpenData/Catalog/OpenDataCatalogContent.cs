using Open311Gateway.Api.Catalog;

namespace Open311Gateway.Api.OpenData.Catalog;

/// <summary>What the catalogue document is made of: the catalogue's own metadata and the datasets it lists.</summary>
public sealed record OpenDataCatalogContent(CatalogOpenDataCatalog Catalog, IReadOnlyList<OpenDataDataset> Datasets);
