namespace Open311Gateway.Api.Catalog;

/// <summary>
/// A service's duplicate hint (ADR 15): a new report within <see cref="RadiusMetres"/> of an open public report
/// of the same service filed in the last <see cref="Days"/> days is told about that report.
/// </summary>
public sealed record CatalogDuplicateHint(int RadiusMetres, int Days)
{
    public const int DefaultRadiusMetres = 50;
    public const int DefaultDays = 30;
    public const int MaxRadiusMetres = 1000;
    public const int MaxDays = 365;
}
