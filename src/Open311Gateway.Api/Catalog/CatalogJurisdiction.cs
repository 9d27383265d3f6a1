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
    int? PersonalDataRetentionDays = CatalogVocabulary.DefaultPersonalDataRetentionDays);
