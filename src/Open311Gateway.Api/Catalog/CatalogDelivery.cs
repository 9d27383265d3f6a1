namespace Open311Gateway.Api.Catalog;

/// <summary>How reports reach a back office: an adapter kind and its address. Secrets stay in the worker's configuration.</summary>
public sealed record CatalogDelivery(string Adapter, string Endpoint);
