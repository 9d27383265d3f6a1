using System.Diagnostics.CodeAnalysis;

namespace Open311Gateway.Api.Catalog;

/// <summary>Either a valid catalogue or every error found in the file, never both.</summary>
public sealed class CatalogParseResult
{
    private CatalogParseResult(ParsedCatalog? catalog, IReadOnlyList<CatalogError> errors)
    {
        Catalog = catalog;
        Errors = errors;
    }

    public ParsedCatalog? Catalog { get; }

    /// <summary>Sorted by line and column.</summary>
    public IReadOnlyList<CatalogError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Catalog))]
    public bool IsValid => Catalog is not null;

    internal static CatalogParseResult Valid(ParsedCatalog catalog) => new(catalog, []);

    internal static CatalogParseResult Invalid(IEnumerable<CatalogError> errors) =>
        new(null, errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList());
}
