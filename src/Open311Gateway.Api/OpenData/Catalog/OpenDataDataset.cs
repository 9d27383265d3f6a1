using Open311Gateway.Api.Catalog;

namespace Open311Gateway.Api.OpenData.Catalog;

/// <summary>One jurisdiction's dataset as the catalogue describes it.</summary>
/// <param name="IssuedAt">When an import first published it; used unless the metadata names its own date.</param>
/// <param name="ModifiedAt">The newest public change of its public reports, or the catalogue import time when it has none.</param>
public sealed record OpenDataDataset(
    string JurisdictionId,
    string JurisdictionName,
    CatalogOpenData Metadata,
    DateTimeOffset IssuedAt,
    DateTimeOffset ModifiedAt);
