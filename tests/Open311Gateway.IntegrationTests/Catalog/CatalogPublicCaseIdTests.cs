namespace Open311Gateway.IntegrationTests.Catalog;

/// <summary><c>public_case_id</c>: off unless the catalogue says so; a re-import with another value changes it.</summary>
public class CatalogPublicCaseIdTests : CatalogDatabaseTest
{
    private static string Catalogue(string? publicCaseId) => $"""
        jurisdictions:
          - id: fallnummer.example
            name: Gemeinde Fallnummer
        {(publicCaseId is null ? "" : $"    public_case_id: {publicCaseId}\n")}    services:
              - code: SCHLAGLOCH
                name: Schlagloch
        """;

    [Fact]
    public async Task The_case_id_is_kept_from_the_public_unless_the_catalogue_publishes_it()
    {
        await ImportSucceedsAsync(Catalogue(null));
        Assert.False((await JurisdictionsAsync()).Single().PublicCaseId);
        var result = await ImportAsync(Catalogue("true"));
        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(1, result.Jurisdictions.Updated);
        Assert.True((await JurisdictionsAsync()).Single().PublicCaseId);
        await ImportSucceedsAsync(Catalogue("false"));
        Assert.False((await JurisdictionsAsync()).Single().PublicCaseId);
    }

    [Fact]
    public async Task A_public_case_id_that_is_no_boolean_is_refused_with_its_line()
    {
        var result = await ImportAsync(Catalogue("ja"));
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(4, error.Line);
        Assert.Contains("public_case_id", error.Message, StringComparison.Ordinal);
    }
}
