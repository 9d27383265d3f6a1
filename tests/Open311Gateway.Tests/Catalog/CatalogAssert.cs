using Open311Gateway.Api.Catalog;

namespace Open311Gateway.Tests.Catalog;

internal static class CatalogAssert
{
    public static ParsedCatalog Valid(string yaml)
    {
        var result = CatalogParser.Parse(yaml);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        return result.Catalog;
    }

    public static IReadOnlyList<CatalogError> Invalid(string yaml)
    {
        var result = CatalogParser.Parse(yaml);
        Assert.False(result.IsValid);
        Assert.Null(result.Catalog);
        Assert.NotEmpty(result.Errors);
        return result.Errors;
    }

    /// <summary>Exactly one error, at this line (and column), whose message contains every fragment.</summary>
    public static CatalogError SingleError(string yaml, int line, int? column, params string[] fragments)
    {
        var errors = Invalid(yaml);
        var error = Assert.Single(errors);
        Assert.Equal(line, error.Line);
        if (column is not null)
        {
            Assert.Equal(column, error.Column);
        }
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, error.Message);
        }
        return error;
    }
}
