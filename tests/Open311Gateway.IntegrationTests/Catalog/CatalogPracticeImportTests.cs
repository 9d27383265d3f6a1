namespace Open311Gateway.IntegrationTests.Catalog;

/// <summary><c>private</c>, <c>duplicate_hint</c> and <c>hold_new_reports</c> reach the database, and leaving them out clears them.</summary>
public class CatalogPracticeImportTests : CatalogDatabaseTest
{
    private const string WithKeys = """
        jurisdictions:
          - id: klein-dorf.de
            name: Gemeinde Kleindorf
            hold_new_reports: true
            services:
              - code: VANDALISMUS
                name: Vandalismus
                private: true
              - code: LATERNE
                name: Laterne defekt
                duplicate_hint:
                  radius_metres: 25
        """;

    [Fact]
    public async Task The_keys_are_stored_and_a_reimport_without_them_clears_them()
    {
        await ImportSucceedsAsync(WithKeys);

        var jurisdiction = Assert.Single(await JurisdictionsAsync());
        Assert.True(jurisdiction.HoldNewReports);
        var services = await ServicesAsync();
        Assert.Equal((true, null, null), Of(services.Single(s => s.Code == "VANDALISMUS")));
        Assert.Equal((false, 25, 30), Of(services.Single(s => s.Code == "LATERNE")));

        var result = await ImportSucceedsAsync(WithKeys
            .Replace("    hold_new_reports: true\n", "").Replace("        private: true\n", "")
            .Replace("\n        duplicate_hint:\n          radius_metres: 25", ""));

        Assert.Equal(1, result.Jurisdictions.Updated);
        Assert.Equal(2, result.Services.Updated);
        Assert.False(Assert.Single(await JurisdictionsAsync()).HoldNewReports);
        Assert.All(await ServicesAsync(), s => Assert.Equal((false, null, null), Of(s)));
    }

    private static (bool, int?, int?) Of(Open311Gateway.Api.Data.Entities.Service service) =>
        (service.IsPrivate, service.DuplicateRadiusMetres, service.DuplicateDays);
}
