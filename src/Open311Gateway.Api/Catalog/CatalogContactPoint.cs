namespace Open311Gateway.Api.Catalog;

/// <summary>Whom a data user asks about a dataset: a name, and a mail address or a web page (at least one of the two).</summary>
public sealed record CatalogContactPoint(string Name, string? Email = null, string? Url = null);
