using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Npgsql;
using Open311Gateway.Api.Catalog;

namespace Open311Gateway.IntegrationTests.Catalog;

/// <summary>Boundaries and crs from the catalogue into PostGIS: stored, changed, removed; an overlapping file changes nothing.</summary>
public sealed class CatalogBoundaryImportTests : CatalogDatabaseTest, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("catalog-boundary-import-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private const string West = "[[[13.0, 52.0], [14.0, 52.0], [14.0, 53.0], [13.0, 53.0], [13.0, 52.0]]]";

    private static string Catalogue(string westBoundary, string eastBoundary = "ost.geojson") => $$"""
        jurisdictions:
          - id: west.example
            name: West
            crs: EPSG:25833
        {{westBoundary}}
          - id: ost.example
            name: Ost
            boundary: {{eastBoundary}}
        """;

    private async Task<string> WriteAsync(string yaml)
    {
        var path = Path.Combine(_directory, "katalog.yaml");
        await File.WriteAllTextAsync(path, yaml);
        return path;
    }

    private async Task<Dictionary<string, (Geometry? Boundary, int? Srid)>> StoredAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.Jurisdictions.AsNoTracking().Include(j => j.Boundary)
            .ToDictionaryAsync(j => j.Id, j => ((Geometry?)j.Boundary?.Area, j.ProjectedSrid));
    }

    [Fact]
    public async Task Boundaries_inline_and_from_a_file_are_stored_kept_on_reimport_changed_and_removed()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "ost.geojson"),
            """{"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[14.0, 52.0], [15.0, 52.0], [15.0, 53.0], [14.0, 53.0], [14.0, 52.0]]]}}""");
        var path = await WriteAsync(Catalogue($"    boundary: {{ type: Polygon, coordinates: {West} }}"));

        var first = await ImportFileAsync(path);
        Assert.True(first.Succeeded, first.ToString());
        var stored = await StoredAsync();
        Assert.Equal(("MultiPolygon", 4326, 1.0, 25833), (stored["west.example"].Boundary!.GeometryType, stored["west.example"].Boundary!.SRID,
            stored["west.example"].Boundary!.Area, stored["west.example"].Srid));
        Assert.Equal(1.0, stored["ost.example"].Boundary!.Area, 9);
        Assert.Null(stored["ost.example"].Srid);

        var again = await ImportFileAsync(path);
        Assert.Equal(new CatalogImportCounts(0, 0, 2, 0), again.Jurisdictions);

        // West shrinks to its western half; then loses its boundary altogether.
        await WriteAsync(Catalogue("    boundary: { type: Polygon, coordinates: [[[13.0, 52.0], [13.5, 52.0], [13.5, 53.0], [13.0, 53.0], [13.0, 52.0]]] }"));
        Assert.Equal(new CatalogImportCounts(0, 1, 1, 0), (await ImportFileAsync(path)).Jurisdictions);
        Assert.Equal(0.5, (await StoredAsync())["west.example"].Boundary!.Area, 9);
        await WriteAsync(Catalogue(""));
        Assert.Equal(new CatalogImportCounts(0, 1, 1, 0), (await ImportFileAsync(path)).Jurisdictions);
        Assert.Null((await StoredAsync())["west.example"].Boundary);
        Assert.NotNull((await StoredAsync())["ost.example"].Boundary);
    }

    [Fact]
    public async Task An_overlapping_boundary_refuses_the_whole_file_and_the_column_has_its_spatial_index()
    {
        var valid = Catalogue($"    boundary: {{ type: Polygon, coordinates: {West} }}",
            "{ type: Polygon, coordinates: [[[14.0, 52.0], [15.0, 52.0], [15.0, 53.0], [14.0, 53.0], [14.0, 52.0]]] }");
        await ImportSucceedsAsync(valid);
        var before = await StoredAsync();

        var result = await ImportAsync(valid.Replace("[[[14.0, 52.0], [15.0, 52.0], [15.0, 53.0], [14.0, 53.0], [14.0, 52.0]]]",
            "[[[13.9, 52.0], [15.0, 52.0], [15.0, 53.0], [13.9, 53.0], [13.9, 52.0]]]"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(8, error.Line);
        Assert.StartsWith("jurisdictions[1].boundary of 'ost.example' overlaps the boundary of 'west.example'", error.Message);
        var after = await StoredAsync();
        Assert.True(before["ost.example"].Boundary!.EqualsExact(after["ost.example"].Boundary!));

        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT indexdef FROM pg_indexes WHERE tablename = 'jurisdictions' AND indexname = 'ix_jurisdictions_boundary'", connection);
        Assert.Contains("USING gist (boundary)", (string?)await command.ExecuteScalarAsync());
    }
}
