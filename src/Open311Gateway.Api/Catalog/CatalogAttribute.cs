namespace Open311Gateway.Api.Catalog;

public sealed record CatalogAttribute(
    string Code,
    string Description,
    string Datatype,
    bool Required,
    bool Variable,
    string? DatatypeDescription,
    int Order,
    IReadOnlyList<CatalogAttributeValue> Values);
