using Open311Gateway.Api.Catalog;

namespace Open311Gateway.Tests.Catalog;

public class CatalogParserDefaultsTests
{
    private const string Minimal = """
        jurisdictions:
          - id: klein-dorf.de
            name: Gemeinde Kleindorf
            services:
              - code: Laub & Äste / Grünschnitt
                name: Laub
                keywords: [Laub, Äste]
                attributes:
                  - code: WO
                    description: Wo liegt es?
                    datatype: string
                  - code: WANN
                    description: Seit wann?
                    datatype: datetime
        """;

    [Fact]
    public void A_jurisdiction_without_time_zone_gets_Europe_Berlin()
    {
        var jurisdiction = CatalogAssert.Valid(Minimal).Jurisdictions.Single();
        Assert.Equal("Europe/Berlin", jurisdiction.TimeZone);
        Assert.Null(jurisdiction.Contact);
        Assert.Null(jurisdiction.KeyService);
    }

    [Fact]
    public void A_service_without_type_is_realtime_and_its_code_may_hold_spaces_slashes_and_ampersands()
    {
        var service = CatalogAssert.Valid(Minimal).Jurisdictions.Single().Services.Single();
        Assert.Equal("realtime", service.Type);
        Assert.Equal("Laub & Äste / Grünschnitt", service.Code);
        Assert.Equal(["Laub", "Äste"], service.Keywords);
        Assert.True(service.Metadata);
    }

    [Fact]
    public void Attributes_default_to_variable_optional_and_their_position_as_order()
    {
        var attributes = CatalogAssert.Valid(Minimal).Jurisdictions.Single().Services.Single().Attributes;
        Assert.Equal([("WO", 1), ("WANN", 2)], attributes.Select(a => (a.Code, a.Order)));
        Assert.All(attributes, a => Assert.True(a.Variable));
        Assert.All(attributes, a => Assert.False(a.Required));
        Assert.All(attributes, a => Assert.Empty(a.Values));
    }

    [Fact]
    public void Attributes_come_out_sorted_by_their_explicit_order()
    {
        var catalog = CatalogAssert.Valid("""
            jurisdictions:
              - id: a.de
                name: A
                services:
                  - code: S
                    name: S
                    attributes:
                      - { code: DRITTES, description: c, datatype: text, order: 30 }
                      - { code: ERSTES, description: a, datatype: text, order: 10 }
                      - { code: ZWEITES, description: b, datatype: text, order: 20 }
            """);
        var attributes = catalog.Jurisdictions.Single().Services.Single().Attributes;
        Assert.Equal(["ERSTES", "ZWEITES", "DRITTES"], attributes.Select(a => a.Code));
    }

    [Fact]
    public void Texts_are_trimmed_so_block_scalars_leave_no_trailing_line_break()
    {
        var catalog = CatalogAssert.Valid("""
            jurisdictions:
              - id: a.de
                name: "  A  "
                contact: |
                  Rathaus
                  Marktplatz 1
                services: []
            """);
        var jurisdiction = catalog.Jurisdictions.Single();
        Assert.Equal("A", jurisdiction.Name);
        Assert.Equal("Rathaus\nMarktplatz 1", jurisdiction.Contact);
        Assert.Empty(jurisdiction.Services);
    }

    [Fact]
    public void The_same_service_code_may_be_used_by_two_jurisdictions()
    {
        var catalog = CatalogAssert.Valid("""
            jurisdictions:
              - id: a.de
                name: A
                services: [{ code: GRAFFITI, name: Graffiti }]
              - id: b.de
                name: B
                services: [{ code: GRAFFITI, name: Graffiti }]
            """);
        Assert.Equal(2, catalog.Jurisdictions.Count);
    }

    [Fact]
    public void A_numeric_looking_code_is_read_as_text() =>
        Assert.Equal("110", CatalogAssert.Valid("""
            jurisdictions:
              - id: a.de
                name: A
                services: [{ code: 110, name: Notruf }]
            """).Jurisdictions.Single().Services.Single().Code);
}
