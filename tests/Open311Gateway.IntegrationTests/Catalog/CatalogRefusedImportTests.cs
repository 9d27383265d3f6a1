namespace Open311Gateway.IntegrationTests.Catalog;

public class CatalogRefusedImportTests : CatalogDatabaseTest
{
    [Fact]
    public async Task A_file_with_errors_changes_nothing_and_reports_every_error_with_its_line()
    {
        await ImportSucceedsAsync(TestCatalogue.Yaml);
        var before = await SnapshotAsync();
        // Still a valid file in parts: a bad import must not apply those parts either.
        var broken = TestCatalogue.Yaml
            .Replace("name: Schlagloch", "name: Schlagloch (neu)")
            .Replace("datatype: datetime", "datatype: datum")
            .Replace("    time_zone: Europe/Vienna", "    time_zone: Europe/Wien\n    api_key: geheim");

        var result = await ImportAsync(broken);

        Assert.False(result.Succeeded);
        Assert.Equal(
            [(30, "jurisdictions[0].services[0].attributes[2].datatype 'datum'"),
             (42, "jurisdictions[1].time_zone 'Europe/Wien'"),
             (43, "jurisdictions[1]: unknown key 'api_key'")],
            result.Errors.Select(e => (e.Line, Prefix(e.Message))));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Broken_yaml_into_an_empty_database_leaves_it_empty()
    {
        var result = await ImportAsync("jurisdictions:\n  - id: a.de\n    name: 'A\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Empty(await JurisdictionsAsync());
        Assert.Empty(await ServicesAsync());
    }

    // The message up to and including its first quoted value: stable, and enough to tell the errors apart.
    private static string Prefix(string message)
    {
        var open = message.IndexOf('\'');
        return open < 0 ? message : message[..(message.IndexOf('\'', open + 1) + 1)];
    }
}
