using NetTopologySuite.Geometries;

namespace Open311Gateway.Api.Catalog;

public sealed record CatalogJurisdiction(
    string Id,
    string Name,
    string TimeZone,
    string? Contact,
    string? KeyService,
    CatalogDelivery? Delivery,
    IReadOnlyList<CatalogService> Services,
    bool HoldNewReports = false,
    int? PersonalDataRetentionDays = CatalogVocabulary.DefaultPersonalDataRetentionDays,
    // Whether extensions=true publishes the back office's case id (external_case_id); off unless the municipality says so.
    bool PublicCaseId = false)
{
    /// <summary>The area the jurisdiction answers for (WGS 84, checked valid); null: it accepts any point, but only when named.</summary>
    public MultiPolygon? Boundary { get; init; }

    /// <summary>The projected CRS (EPSG code) its back office gets easting and northing in; null: none.</summary>
    public int? ProjectedSrid { get; init; }

    /// <summary>The metadata of its open-data dataset (ADR 24); null: its reports are in no open-data catalogue.</summary>
    public CatalogOpenData? OpenData { get; init; }
}
