using Open311Gateway.Api.Catalog;

namespace Open311Gateway.Tests.Catalog;

/// <summary>A jurisdiction's boundary (GeoJSON, inline or in a file beside the catalogue) and its projected crs.</summary>
public sealed class CatalogBoundaryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("catalog-boundary-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Catalogue(string boundary, string second = "") => $$"""
        jurisdictions:
          - id: a.de
            name: A
            crs: EPSG:25833
            boundary: {{boundary}}
        {{second}}
        """;

    private const string Square = """{ type: Polygon, coordinates: [[[13.0, 52.0], [14.0, 52.0], [14.0, 53.0], [13.0, 53.0], [13.0, 52.0]]] }""";

    [Fact]
    public void An_inline_polygon_is_read_as_a_multipolygon_in_wgs84_with_its_crs()
    {
        var jurisdiction = Assert.Single(CatalogAssert.Valid(Catalogue(Square)).Jurisdictions);
        Assert.Equal("MultiPolygon", jurisdiction.Boundary!.GeometryType);
        Assert.Equal(4326, jurisdiction.Boundary.SRID);
        Assert.Equal(1.0, jurisdiction.Boundary.Area, 9);
        Assert.Equal(25833, jurisdiction.ProjectedSrid);
    }

    [Fact]
    public void A_multipolygon_with_a_hole_in_block_style_is_read()
    {
        var catalog = CatalogAssert.Valid("""
            jurisdictions:
              - id: a.de
                name: A
                boundary:
                  type: MultiPolygon
                  coordinates:
                    - - [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]
                      - [[1, 1], [1, 2], [2, 2], [2, 1], [1, 1]]
                    - - [[10, 10], [11, 10], [11, 11], [10, 10]]
            """);
        var boundary = catalog.Jurisdictions[0].Boundary!;
        Assert.Equal(2, boundary.NumGeometries);
        Assert.Equal(16 - 1 + 0.5, boundary.Area, 9);
        Assert.Null(catalog.Jurisdictions[0].ProjectedSrid);
    }

    [Fact]
    public void Without_a_boundary_a_jurisdiction_has_none()
    {
        var catalog = CatalogAssert.Valid("jurisdictions:\n  - id: a.de\n    name: A\n");
        Assert.Null(catalog.Jurisdictions[0].Boundary);
    }

    [Theory]
    [InlineData("{ type: Point, coordinates: [13.0, 52.0] }", "boundary.type 'Point' is not allowed: a boundary is a GeoJSON Polygon or MultiPolygon")]
    [InlineData("{ coordinates: [] }", "boundary.type is missing")]
    [InlineData("{ type: Polygon }", "boundary.coordinates is missing")]
    [InlineData("[13.0, 52.0]", "boundary must be a GeoJSON object")]
    [InlineData("{ type: Polygon, coordinates: [[[13.0, 52.0], [14.0, 52.0], [14.0, 53.0], [13.0, 52.0]]] }", "")]
    [InlineData("{ type: Polygon, coordinates: [[[13.0, 52.0], [14.0, 52.0], [13.0, 52.0]]] }", "boundary.coordinates[0] has 3 positions; a ring needs at least 4")]
    [InlineData("{ type: Polygon, coordinates: [[[13.0, 52.0], [14.0, 52.0], [14.0, 53.0], [13.0, 53.0]]] }", "boundary.coordinates[0] is not closed")]
    [InlineData("{ type: Polygon, coordinates: [[[52.0, 13.0], [52.0, 14.0], [53.0, 14.0], [53.0, 93.0], [52.0, 13.0]]] }", "boundary.coordinates[0][3][1] (lat) 93.0 is out of range (-90 to 90)")]
    [InlineData("{ type: Polygon, coordinates: [[[13.0, 52.0], [14.0, 52.0], [14.0, zwei], [13.0, 52.0]]] }", "boundary.coordinates[0][2][1] (lat) must be a number")]
    [InlineData("{ type: Polygon, coordinates: [[[13.0, 52.0], [14.0, 52.0], \"14.0, 53.0\", [13.0, 52.0]]] }", "boundary.coordinates[0][2] must be a position [long, lat]")]
    public void A_boundary_that_is_no_polygon_names_the_problem_at_its_line(string boundary, string fragment)
    {
        if (fragment.Length == 0) { CatalogAssert.Valid(Catalogue(boundary)); return; }
        var error = CatalogAssert.SingleError(Catalogue(boundary), line: 5, column: null, "jurisdictions[0]." + fragment);
        Assert.True(error.Column > 1);
    }

    [Fact]
    public void A_self_intersecting_boundary_is_refused_with_the_reason_and_where()
    {
        // A bow tie: the outline crosses itself at (13.5, 52.5).
        var error = CatalogAssert.SingleError(Catalogue("{ type: Polygon, coordinates: [[[13.0, 52.0], [14.0, 53.0], [14.0, 52.0], [13.0, 53.0], [13.0, 52.0]]] }"),
            line: 5, column: 15, "jurisdictions[0].boundary is not a valid polygon: ");
        Assert.Contains("Self-intersection at long 13.5, lat 52.5", error.Message);
    }

    [Fact]
    public void A_hole_outside_its_outline_is_refused_as_invalid() =>
        CatalogAssert.SingleError(Catalogue("{ type: Polygon, coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]], [[5, 5], [6, 5], [6, 6], [5, 5]]] }"),
            line: 5, column: null, "jurisdictions[0].boundary is not a valid polygon: Hole lies outside shell");

    [Fact]
    public void Overlapping_boundaries_are_refused_naming_both_but_touching_ones_are_fine()
    {
        const string east = """
              - id: b.de
                name: B
                boundary: { type: Polygon, coordinates: [[[14.0, 52.0], [15.0, 52.0], [15.0, 53.0], [14.0, 53.0], [14.0, 52.0]]] }
            """;
        Assert.Equal(2, CatalogAssert.Valid(Catalogue(Square, east)).Jurisdictions.Count);

        var overlapping = east.Replace("[[[14.0, 52.0], [15.0, 52.0], [15.0, 53.0], [14.0, 53.0], [14.0, 52.0]]]",
            "[[[13.9, 52.0], [15.0, 52.0], [15.0, 53.0], [13.9, 53.0], [13.9, 52.0]]]");
        CatalogAssert.SingleError(Catalogue(Square, overlapping), line: 8, column: 15,
            "jurisdictions[1].boundary of 'b.de' overlaps the boundary of 'a.de' (jurisdictions[0].boundary, line 5)");

        // Wholly inside counts as overlapping too.
        var inside = east.Replace("[[[14.0, 52.0], [15.0, 52.0], [15.0, 53.0], [14.0, 53.0], [14.0, 52.0]]]",
            "[[[13.2, 52.2], [13.4, 52.2], [13.4, 52.4], [13.2, 52.2]]]");
        CatalogAssert.SingleError(Catalogue(Square, inside), line: 8, column: null, "overlaps the boundary of 'a.de'");
    }

    [Theory]
    [InlineData("EPSG:4326")]
    [InlineData("EPSG:31467")]
    [InlineData("25832")]
    public void Only_the_two_german_utm_zones_are_a_crs(string crs) =>
        CatalogAssert.SingleError(Catalogue(Square).Replace("EPSG:25833", crs), line: 4, column: 10,
            $"jurisdictions[0].crs '{crs}' is not one of EPSG:25832, EPSG:25833 (ETRS89 / UTM zones 32N and 33N)");

    [Fact]
    public async Task A_boundary_file_is_read_relative_to_the_catalogue_as_geometry_feature_or_collection_of_one()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "grenzen"));
        // Tabs and a foreign member, as GIS tools write them.
        File.WriteAllText(Path.Combine(_directory, "grenzen", "a.geojson"),
            "{\n\t\"type\": \"FeatureCollection\", \"name\": \"a\",\n\t\"features\": [{\"type\": \"Feature\", \"properties\": {\"GEN\": \"A\"},\n\t\t\"geometry\": "
            + "{\"type\": \"Polygon\", \"coordinates\": [[[13.0, 52.0], [14.0, 52.0], [14.0, 53.0], [13.0, 53.0], [13.0, 52.0]]]}}]\n}");
        var path = Path.Combine(_directory, "catalog.yaml");
        File.WriteAllText(path, Catalogue("grenzen/a.geojson"));

        var result = await CatalogParser.ParseFileAsync(path);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(1.0, result.Catalog.Jurisdictions[0].Boundary!.Area, 9);
    }

    [Theory]
    [InlineData("{\"type\": \"Polygon\", \"coordinates\": [[[13.0, 52.0], [14.0, 52.0], [14.0, 53.0], [13.0, 53.0]]]}", "file 'a.geojson': boundary.coordinates[0] is not closed")]
    [InlineData("{\"type\": \"Polygon\", \"coordinates\": [[[13.0, 52.0], [14.0, 52.0], [14.0, 53.0], [13.0, 53.0], [13.0, 52.0]]]", "file 'a.geojson' is not valid JSON")]
    [InlineData("{\"type\": \"FeatureCollection\", \"features\": []}", "file 'a.geojson': boundary.features must hold exactly one feature")]
    [InlineData("{\"type\": \"Feature\", \"geometry\": {\"type\": \"LineString\", \"coordinates\": [[13.0, 52.0], [14.0, 52.0]]}}", "file 'a.geojson': boundary.geometry.type 'LineString' is not allowed")]
    public async Task A_bad_boundary_file_is_reported_at_the_catalogue_line_naming_it(string json, string fragment)
    {
        File.WriteAllText(Path.Combine(_directory, "a.geojson"), json);
        var path = Path.Combine(_directory, "catalog.yaml");
        File.WriteAllText(path, Catalogue("a.geojson"));

        var result = await CatalogParser.ParseFileAsync(path);

        var error = Assert.Single(result.Errors);
        Assert.Equal(5, error.Line);
        Assert.Contains("jurisdictions[0].boundary " + fragment, error.Message);
    }

    [Fact]
    public async Task A_missing_boundary_file_or_one_named_in_a_text_catalogue_is_an_error()
    {
        var path = Path.Combine(_directory, "catalog.yaml");
        File.WriteAllText(path, Catalogue("fehlt.geojson"));
        var missing = Assert.Single((await CatalogParser.ParseFileAsync(path)).Errors);
        Assert.Contains("jurisdictions[0].boundary file 'fehlt.geojson' does not exist", missing.Message);

        CatalogAssert.SingleError(Catalogue("fehlt.geojson"), line: 5, column: 15,
            "names the file 'fehlt.geojson', but this catalogue was not read from a file: write the boundary inline");
    }
}
