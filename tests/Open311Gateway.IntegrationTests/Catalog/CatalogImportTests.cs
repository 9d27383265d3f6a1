using Open311Gateway.Api.Catalog;

namespace Open311Gateway.IntegrationTests.Catalog;

public class CatalogImportTests : CatalogDatabaseTest
{
    [Fact]
    public async Task Importing_the_test_catalogue_creates_its_jurisdictions_and_services()
    {
        var before = DateTimeOffset.UtcNow;

        var result = await ImportFileAsync(TestCatalogue.Path);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(new CatalogImportCounts(2, 0, 0, 0), result.Jurisdictions);
        Assert.Equal(new CatalogImportCounts(4, 0, 0, 0), result.Services);
        var jurisdictions = await JurisdictionsAsync();
        Assert.Equal(["oberdorf.example", "unterdorf.example"], jurisdictions.Select(j => j.Id));
        Assert.All(jurisdictions, j => Assert.True(j.IsActive));
        Assert.All(jurisdictions, j => Assert.InRange(j.ImportedAt, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1)));
        Assert.Equal("Europe/Berlin", jurisdictions[0].TimeZone);
        Assert.Equal("Europe/Vienna", jurisdictions[1].TimeZone);
        Assert.Equal(
            ["GRAFFITI", "Grünschnitt & Laub / Äste", "SCHLAGLOCH"],
            jurisdictions[0].Services.Select(s => s.Code).Order(StringComparer.Ordinal));
        Assert.All(await ServicesAsync(), s => Assert.True(s.IsActive));
    }

    [Fact]
    public async Task Service_fields_are_stored_with_keywords_as_one_comma_string()
    {
        await ImportSucceedsAsync(TestCatalogue.Yaml);

        var services = await ServicesAsync();
        var pothole = services.Single(s => s.Code == "SCHLAGLOCH");
        Assert.Equal(("oberdorf.example", "Schlagloch", "Schäden in der Fahrbahn", "realtime"),
            (pothole.JurisdictionId, pothole.Name, pothole.Description, pothole.Type));
        Assert.Equal("Straße,Loch", pothole.Keywords);
        Assert.Equal("Straße und Verkehr", pothole.Group);
        var clippings = services.Single(s => s.Code == "Grünschnitt & Laub / Äste");
        Assert.Equal("batch", clippings.Type);
        Assert.Null(clippings.Keywords);
        Assert.Empty(clippings.Attributes);
        Assert.Equal("Grünschnitt wird gesammelt montags abgeholt.", clippings.ServiceNotice);
    }

    [Fact]
    public async Task Attributes_round_trip_through_the_database_with_their_umlauts()
    {
        await ImportSucceedsAsync(TestCatalogue.Yaml);

        var attributes = (await ServicesAsync()).Single(s => s.Code == "SCHLAGLOCH").Attributes;
        Assert.Equal(["GROESSE", "HINWEIS", "BEOBACHTET_AM"], attributes.Select(a => a.Code));
        Assert.Equal([1, 2, 3], attributes.Select(a => a.Order));
        var size = attributes[0];
        Assert.Equal(("Wie groß ist das Schlagloch?", "singlevaluelist", true, true),
            (size.Description, size.Datatype, size.Required, size.Variable));
        Assert.Equal([("klein", "Klein (unter 20 cm)"), ("gross", "Groß (über 50 cm)")], size.Values.Select(v => (v.Key, v.Name)));
        Assert.False(attributes[1].Variable);
        Assert.Equal(("datetime", "Datum und Uhrzeit mit Zeitzone"), (attributes[2].Datatype, attributes[2].DatatypeDescription));
    }

    [Fact]
    public async Task Importing_the_same_file_again_keeps_the_same_rows_and_ids()
    {
        await ImportSucceedsAsync(TestCatalogue.Yaml);
        var first = await ServicesAsync();

        var again = await ImportSucceedsAsync(TestCatalogue.Yaml);

        Assert.Equal(new CatalogImportCounts(0, 0, 2, 0), again.Jurisdictions);
        Assert.Equal(new CatalogImportCounts(0, 0, 4, 0), again.Services);
        var second = await ServicesAsync();
        Assert.Equal(first.Select(s => (s.Id, s.JurisdictionId, s.Code)), second.Select(s => (s.Id, s.JurisdictionId, s.Code)));
        Assert.Equal(2, (await JurisdictionsAsync()).Count);
    }

    [Fact]
    public async Task A_changed_service_is_updated_in_place()
    {
        await ImportSucceedsAsync(TestCatalogue.Yaml);
        var before = (await ServicesAsync()).Single(s => s.Code == "SCHLAGLOCH");

        var changed = TestCatalogue.Yaml
            .Replace("name: Schlagloch", "name: Schlagloch oder Riss")
            .Replace("name: Groß (über 50 cm)", "name: Sehr groß (über 50 cm)");
        var result = await ImportSucceedsAsync(changed);

        Assert.Equal(new CatalogImportCounts(0, 1, 3, 0), result.Services);
        var after = (await ServicesAsync()).Single(s => s.Code == "SCHLAGLOCH");
        Assert.Equal(before.Id, after.Id);
        Assert.Equal("Schlagloch oder Riss", after.Name);
        Assert.Equal("Sehr groß (über 50 cm)", after.Attributes[0].Values[1].Name);
    }

    [Fact]
    public async Task The_demo_catalogue_imports_into_a_fresh_database()
    {
        var result = await ImportFileAsync(TestCatalogue.DemoPath);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(2, result.Jurisdictions.Added);
        var jurisdictions = await JurisdictionsAsync();
        var musterstadt = Assert.Single(jurisdictions, j => j.Id == "musterstadt.de");
        Assert.Equal("Stadt Musterstadt", musterstadt.Name);
        Assert.Contains(musterstadt.Services, s => s is { Code: "WILDER_MUELL", Name: "Wilder Müll", Type: "batch" });
        var beispieldorf = Assert.Single(jurisdictions, j => j.Id == "beispieldorf.de");
        Assert.Equal(("email", "maengel@beispieldorf.example"), (beispieldorf.DeliveryAdapter, beispieldorf.DeliveryEndpoint));
        Assert.Equal(result.Services.Added, jurisdictions.Sum(j => j.Services.Count));
    }
}
