namespace Open311Gateway.Api.Catalog;

/// <summary>An organisation named in open-data metadata (a publisher): its name and, optionally, its web site.</summary>
public sealed record CatalogAgent(string Name, string? Url = null);
