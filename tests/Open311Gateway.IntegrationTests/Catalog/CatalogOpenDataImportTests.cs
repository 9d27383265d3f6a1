using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Catalog;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Catalog;

/// <summary>The open_data blocks are stored on import (ADR 24); a file that drops them withdraws them; a refused file changes nothing.</summary>
public class CatalogOpenDataImportTests : CatalogDatabaseTest
{
    private async Task<CatalogSettings?> SettingsAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.CatalogSettings.AsNoTracking().SingleOrDefaultAsync();
    }

    private async Task<Jurisdiction> TeststadtAsync() => (await JurisdictionsAsync()).Single(j => j.Id == "teststadt.de");

    [Fact]
    public async Task Both_blocks_are_stored_and_the_first_import_that_published_the_dataset_stays_its_issue_time()
    {
        var first = await ImportSucceedsAsync(OpenDataCatalogApp.Yaml);
        var issued = (await TeststadtAsync()).OpenDataIssuedAt;

        Assert.Equal("Zweckverband Testregion", (await SettingsAsync())!.OpenData!.Publisher.Name);
        var stored = (await TeststadtAsync()).OpenData!;
        Assert.Equal(("http://dcat-ap.de/def/licenses/dl-by-de/2.0", "Bürgerbüro Teststadt"), (stored.LicenseIri, stored.ContactPoint.Name));
        Assert.Null((await JurisdictionsAsync()).Single(j => j.Id == "nachbarort.de").OpenData);
        Assert.NotNull(issued);

        var again = await ImportSucceedsAsync(OpenDataCatalogApp.Yaml);
        Assert.Equal(3, again.Jurisdictions.Unchanged);
        Assert.Equal(issued, (await TeststadtAsync()).OpenDataIssuedAt);

        // Withdrawn: no catalogue block and no dataset block; the issue time is kept for a later return.
        var withdrawn = RemoveOpenDataBlocks(OpenDataCatalogApp.Yaml[OpenDataCatalogApp.Yaml.IndexOf("jurisdictions:", StringComparison.Ordinal)..]);
        await ImportSucceedsAsync(withdrawn);
        Assert.Null((await SettingsAsync())!.OpenData);
        Assert.All(await JurisdictionsAsync(), j => Assert.Null(j.OpenData));
        Assert.Equal(issued, (await TeststadtAsync()).OpenDataIssuedAt);
        Assert.Equal(3, first.Jurisdictions.Added);
    }

    [Fact]
    public async Task A_file_with_a_licence_outside_the_vocabulary_is_refused_and_changes_nothing()
    {
        await ImportSucceedsAsync(OpenDataCatalogApp.Yaml);
        var before = await SnapshotAsync();
        var settingsBefore = await SettingsAsync();

        var result = await ImportAsync(OpenDataCatalogApp.Yaml.Replace("license: dl-by-de/2.0", "license: stadt-teststadt/1.0", StringComparison.Ordinal));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Message.StartsWith("jurisdictions[0].open_data.license 'stadt-teststadt/1.0' is not in the DCAT-AP.de licence vocabulary", StringComparison.Ordinal));
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal("http://dcat-ap.de/def/licenses/dl-by-de/2.0", (await TeststadtAsync()).OpenData!.LicenseIri);
        Assert.Equal(settingsBefore!.ImportedAt, (await SettingsAsync())!.ImportedAt);
    }

    // Each open_data block of a jurisdiction is its key line and the lines indented deeper below it.
    private static string RemoveOpenDataBlocks(string yaml)
    {
        var kept = new List<string>();
        var skipping = false;
        foreach (var line in yaml.Split('\n'))
        {
            if (line == "    open_data:") { skipping = true; continue; }
            if (skipping && line.StartsWith("      ", StringComparison.Ordinal)) continue;
            skipping = false;
            kept.Add(line);
        }
        return string.Join('\n', kept);
    }
}
