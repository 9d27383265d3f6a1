namespace Open311Gateway.Api.Catalog;

public sealed record CatalogJurisdiction(
    string Id,
    string Name,
    string TimeZone,
    string? Contact,
    string? KeyService,
    CatalogDelivery? Delivery,
    IReadOnlyList<CatalogService> Services,
    // Whether extensions=true publishes the back office's case id (external_case_id); off unless the municipality says so.
    bool PublicCaseId = false);
