namespace Open311Gateway.IntegrationTests.Catalog;

/// <summary>A jurisdiction's <c>personal_data_retention_days</c> is stored with it, and an import without it restores the default.</summary>
public class CatalogRetentionImportTests : CatalogDatabaseTest
{
    [Fact]
    public async Task Retention_days_and_never_are_stored_and_a_later_import_without_them_restores_thirty()
    {
        var yaml = TestCatalogue.Yaml
            .Replace("    name: Gemeinde Oberdorf\n", "    name: Gemeinde Oberdorf\n    personal_data_retention_days: 90\n")
            .Replace("    time_zone: Europe/Vienna\n", "    time_zone: Europe/Vienna\n    personal_data_retention_days: never\n");
        Assert.NotEqual(TestCatalogue.Yaml, yaml);

        await ImportSucceedsAsync(yaml);
        Assert.Equal([90, null], (await JurisdictionsAsync()).Select(j => j.PersonalDataRetentionDays));

        await ImportSucceedsAsync(TestCatalogue.Yaml);
        Assert.Equal([30, 30], (await JurisdictionsAsync()).Select(j => j.PersonalDataRetentionDays));
    }
}
