namespace Open311Gateway.Api.Catalog;

/// <summary>One service of a jurisdiction; <see cref="Attributes"/> are sorted by their order.</summary>
public sealed record CatalogService(
    string Code,
    string Name,
    string? Description,
    string Type,
    IReadOnlyList<string> Keywords,
    string? Group,
    string? ServiceNotice,
    IReadOnlyList<CatalogAttribute> Attributes,
    string? ExternalCode = null,
    CatalogDelivery? Delivery = null,
    IReadOnlyDictionary<string, string>? DeliverySettings = null,
    IReadOnlyDictionary<string, string>? ExternalAttributes = null,
    bool Private = false,
    CatalogDuplicateHint? DuplicateHint = null)
{
    /// <summary>GeoReport v2 <c>metadata</c>: true when the service has a definition to fetch.</summary>
    public bool Metadata => Attributes.Count > 0;
}
