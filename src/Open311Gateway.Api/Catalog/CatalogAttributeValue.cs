namespace Open311Gateway.Api.Catalog;

public sealed record CatalogAttributeValue(string Key, string Name);
