using Open311Gateway.Api.Catalog;

namespace Open311Gateway.Tests.Catalog;

public class DemoCatalogueTests
{
    private static readonly ParsedCatalog Demo =
        CatalogAssert.Valid(File.ReadAllText(RepositoryFiles.PathOf("deploy/catalog/musterstadt.yaml")));

    private static CatalogJurisdiction Musterstadt => Demo.Jurisdictions.Single(j => j.Id == "musterstadt.de");

    private static CatalogService Service(string code) => Musterstadt.Services.Single(s => s.Code == code);

    [Fact]
    public void The_demo_catalogue_describes_Musterstadt_in_Berlin_time()
    {
        var jurisdiction = Musterstadt;
        Assert.Equal("Stadt Musterstadt", jurisdiction.Name);
        Assert.Equal("Europe/Berlin", jurisdiction.TimeZone);
        Assert.Contains("example.org", jurisdiction.Contact);
        Assert.False(string.IsNullOrWhiteSpace(jurisdiction.KeyService));
    }

    [Fact]
    public void The_demo_catalogue_has_Musterstadt_on_the_webhook_and_Beispieldorf_on_the_e_mail_adapter()
    {
        Assert.Equal(["musterstadt.de", "beispieldorf.de"], Demo.Jurisdictions.Select(j => j.Id));
        Assert.Equal(("webhook", "http://127.0.0.1:5090/webhook"), (Musterstadt.Delivery!.Adapter, Musterstadt.Delivery.Endpoint));
        var dorf = Demo.Jurisdictions.Single(j => j.Id == "beispieldorf.de");
        Assert.Equal("Gemeinde Beispieldorf", dorf.Name);
        // Stored without mailto:, as the adapter takes it; German mails.
        Assert.Equal(("email", "maengel@beispieldorf.example"), (dorf.Delivery!.Adapter, dorf.Delivery.Endpoint));
        Assert.Equal("de", dorf.Delivery.Settings["language"]);
        Assert.Equal(["SCHLAGLOCH", "WILDER_MUELL", "WINTERDIENST"], dorf.Services.Select(s => s.Code));
    }

    [Theory]
    [InlineData(52.52, 13.405, "musterstadt.de")]
    [InlineData(52.40, 13.10, "beispieldorf.de")]
    public void The_readme_points_lie_each_in_the_boundary_of_its_own_jurisdiction_only(double lat, double lon, string jurisdiction)
    {
        var point = new NetTopologySuite.Geometries.Point(lon, lat);
        Assert.Equal([jurisdiction], Demo.Jurisdictions.Where(j => j.Boundary!.Covers(point)).Select(j => j.Id));
        Assert.All(Demo.Jurisdictions, j => Assert.Equal(25833, j.ProjectedSrid));
    }

    [Theory]
    [InlineData("SCHLAGLOCH", "realtime")]
    [InlineData("STRASSENBELEUCHTUNG", "realtime")]
    [InlineData("WILDER_MUELL", "batch")]
    [InlineData("GRAFFITI", "realtime")]
    [InlineData("AMPELSTOERUNG", "realtime")]
    [InlineData("SPIELPLATZ", "realtime")]
    [InlineData("HINWEIS_ALLGEMEIN", "blackbox")]
    public void The_demo_catalogue_offers_the_expected_services(string code, string type) =>
        Assert.Equal(type, Service(code).Type);

    [Fact]
    public void The_demo_catalogue_hints_at_duplicate_potholes_and_keeps_damage_reports_private()
    {
        Assert.Equal(new CatalogDuplicateHint(30, 30), Service("SCHLAGLOCH").DuplicateHint);
        Assert.True(Service("SACHBESCHAEDIGUNG").Private);
        Assert.Equal(["SACHBESCHAEDIGUNG"], Musterstadt.Services.Where(s => s.Private).Select(s => s.Code));
        Assert.All(Demo.Jurisdictions, j => Assert.False(j.HoldNewReports));
    }

    [Fact]
    public void Umlauts_in_the_demo_catalogue_are_read_as_written()
    {
        Assert.Equal("Wilder Müll", Service("WILDER_MUELL").Name);
        Assert.Equal("Straßenbeleuchtung defekt", Service("STRASSENBELEUCHTUNG").Name);
        Assert.Equal("Grünflächen", Service("SPIELPLATZ").Group);
        Assert.Contains(Service("SCHLAGLOCH").Keywords, k => k == "Straße");
        var art = Service("WILDER_MUELL").Attributes.Single(a => a.Code == "ART");
        Assert.Equal("multivaluelist", art.Datatype);
        Assert.Equal(["Sperrmüll", "Elektrogeräte", "Bauschutt", "Hausmüll"], art.Values.Take(4).Select(v => v.Name));
    }

    [Fact]
    public void The_traffic_light_service_tells_people_to_call_110_in_an_emergency() =>
        Assert.Contains("110", Service("AMPELSTOERUNG").ServiceNotice);

    [Fact]
    public void The_playground_service_has_an_informational_and_a_datetime_attribute()
    {
        var attributes = Service("SPIELPLATZ").Attributes;
        Assert.Contains(attributes, a => !a.Variable && !a.Required);
        Assert.Contains(attributes, a => a is { Code: "BEOBACHTET_AM", Datatype: "datetime" });
    }

    [Fact]
    public void The_pothole_size_is_a_required_single_choice()
    {
        var size = Service("SCHLAGLOCH").Attributes.Single(a => a.Code == "GROESSE");
        Assert.True(size.Required);
        Assert.Equal("singlevaluelist", size.Datatype);
        Assert.Equal(1, size.Order);
    }

    [Fact]
    public void Every_list_attribute_in_the_demo_catalogue_has_choices_and_every_other_has_none()
    {
        var attributes = Demo.Jurisdictions.SelectMany(j => j.Services).SelectMany(s => s.Attributes).ToList();
        Assert.All(attributes, a => Assert.Equal(CatalogVocabulary.IsListDatatype(a.Datatype), a.Values.Count > 0));
    }

    [Fact]
    public void The_demo_catalogue_publishes_both_jurisdictions_as_open_data_under_open_licences()
    {
        Assert.Equal("Stadt Musterstadt", Demo.OpenData!.Publisher.Name);
        Assert.Equal(["http://dcat-ap.de/def/licenses/dl-by-de/2.0", "http://dcat-ap.de/def/licenses/dl-zero-de/2.0"],
            Demo.Jurisdictions.Select(j => j.OpenData!.LicenseIri));
        Assert.All(Demo.Jurisdictions, j => Assert.NotNull(j.OpenData!.SpatialIri));
    }
}
