namespace Open311Gateway.Api.Catalog;

/// <summary>
/// A jurisdiction's <c>open_data:</c> block: the DCAT-AP.de metadata of the dataset of its public reports (ADR 24).
/// IRIs are stored whole (the catalogue may write licences and themes short); title and description may be left to
/// defaults made from the jurisdiction's name.
/// </summary>
public sealed record CatalogOpenData(
    string LicenseIri,
    string ContributorIri,
    CatalogAgent Publisher,
    CatalogContactPoint ContactPoint,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> ThemeIris,
    string? Title = null,
    string? Description = null,
    string? SpatialIri = null,
    string? Attribution = null,
    DateOnly? Issued = null,
    string? LandingPage = null);
