using NetTopologySuite.Geometries;
using Open311Gateway.Api.Features.Requests.Intake;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Features.Boundaries;

/// <summary>
/// Easting and northing as PostGIS computes them, against coordinate pairs published by German survey authorities for
/// their "Geodätische Referenzpunkte" (ETRS89 geographic to 1e-8°, UTM to the centimetre).
/// </summary>
public sealed class ProjectionReferenceTests(MigratedDatabase fixture) : IClassFixture<MigratedDatabase>
{
    // Half the published centimetre plus 3 mm: the published pairs themselves are rounded separately. Seen with PostGIS 3.3 /
    // PROJ 9.1: at most 4.7 mm off, except Schwanstetten's easting (7.2 mm: its published geographic and UTM coordinates agree only that closely).
    private const double Tolerance = 0.008;

    [Theory]
    // Bayerische Vermessungsverwaltung (LDBV), Geodätische Referenzpunkte, ETRS89 and "UTM 32" (zone prefix 32 dropped):
    // https://www.ldbv.bayern.de/vermessung/satellitenpositionierung/referenzpunkte/landau.html
    [InlineData(48.66575341, 12.66050596, 25832, 769502.33, 5396768.61)]
    // https://ldbv.bayern.de/vermessung/satellitenpositionierung/referenzpunkte/augsburg.html
    [InlineData(48.36651699, 10.89443123, 25832, 640309.21, 5358772.36)]
    // https://ldbv.bayern.de/vermessung/satellitenpositionierung/referenzpunkte/schwanstetten.html
    [InlineData(49.29620631, 11.11410287, 25832, 653706.62, 5462534.68)]
    // Staatsbetrieb Geobasisinformation und Vermessung Sachsen (GeoSN), 1. Geodätischer Referenzpunkt Chemnitz, ETRS89,
    // UTM zone 33, as on its plate (reproduced at http://www.wuttke-vermessung.de/gps-referenzpunkt.html, which swaps
    // the labels of latitude and longitude; source named there: www.landesvermessung.sachsen.de).
    [InlineData(50.83268376, 12.91963478, 25833, 353503.70, 5633281.36)]
    // Augsburg moved 6° east: zone 33 is zone 32 with its central meridian 6° further east, so the same published
    // numbers must come out; checks PostGIS's EPSG:25833 against LDBV's figures as well.
    [InlineData(48.36651699, 16.89443123, 25833, 640309.21, 5358772.36)]
    public async Task Published_reference_points_come_out_within_a_few_millimetres(double lat, double lon, int srid, double easting, double northing)
    {
        await using var db = fixture.Database.CreateDbContext();

        var numbers = await new NewReportLookup(db).LookUpAsync(new Point(lon, lat) { SRID = 4326 }, srid, null, CancellationToken.None);

        var (e, n) = numbers.Projected!.Value;
        Assert.InRange(e, easting - Tolerance, easting + Tolerance);
        Assert.InRange(n, northing - Tolerance, northing + Tolerance);
    }
}
