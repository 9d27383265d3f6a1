using NetTopologySuite.Geometries;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;
using static Open311Gateway.IntegrationTests.Features.Requests.Listing.ListingCalls;

namespace Open311Gateway.IntegrationTests.Features.Requests.Listing;

/// <summary>
/// Place queries (<c>lat</c>+<c>long</c>+<c>radius</c>, <c>bbox</c>) on a gateway with two jurisdictions. Each test
/// works around a place of its own, so that the rows other tests insert are far away.
/// </summary>
public sealed class PlaceQueryTests(TwoJurisdictionsApp app) : IClassFixture<TwoJurisdictionsApp>
{
    private static readonly DateTimeOffset Recently = DateTimeOffset.UtcNow.AddDays(-3);

    private Task<Open311Gateway.Api.Data.Entities.ServiceRequest> At(double lat, double lon, string jurisdiction = TestCatalog.Jurisdiction,
        Action<Open311Gateway.Api.Data.Entities.ServiceRequest>? change = null, string serviceCode = "SCHLAGLOCH", DateTimeOffset? requestedAt = null) =>
        Rows.InsertAsync(app, requestedAt ?? Recently, r =>
        {
            r.Location = new Point(lon, lat) { SRID = 4326 };
            change?.Invoke(r);
        }, serviceCode, jurisdiction);

    [Fact]
    public async Task A_radius_finds_the_reports_within_that_many_metres()
    {
        // At 50° N one thousandth of a degree of latitude is 111 m.
        var centre = await At(50.0, 8.0);
        var near = await At(50.0088, 8.0);    // 978 m north
        await At(50.0092, 8.0);               // 1 022 m north
        await At(50.0, 8.02);                 // 1.4 km east
        Assert.Equal([Id(near.Id), Id(centre.Id)], await app.IdsAsync("?lat=50.0&long=8.0&radius=1000"));
        Assert.Equal([Id(centre.Id)], await app.IdsAsync("?lat=50&long=8&radius=10"));
    }

    [Fact]
    public async Task A_place_query_without_jurisdiction_id_spans_every_jurisdiction_and_a_named_one_only_that()
    {
        var here = await At(50.1, 8.1);
        var there = await At(50.1001, 8.1001, TestCatalog.SecondJurisdiction);
        Assert.Equal([Id(there.Id), Id(here.Id)], await app.IdsAsync("?lat=50.1&long=8.1&radius=100"));
        Assert.Equal([Id(there.Id), Id(here.Id)], await app.IdsAsync("?bbox=8.09,50.09,8.11,50.11"));
        Assert.Equal([Id(here.Id)], await app.IdsAsync($"?jurisdiction_id={TestCatalog.Jurisdiction}&lat=50.1&long=8.1&radius=100"));
        Assert.Equal([Id(there.Id)], await app.IdsAsync($"?jurisdiction_id={TestCatalog.SecondJurisdiction}&bbox=8.09,50.09,8.11,50.11"));
    }

    [Fact]
    public async Task Other_listings_keep_the_rule_that_a_gateway_of_several_jurisdictions_needs_jurisdiction_id() =>
        Assert.Equal(["jurisdiction_id is required: this endpoint serves nachbarort.de, teststadt.de."], await app.BadRequestAsync("?status=open"));

    [Fact]
    public async Task A_bbox_holds_the_reports_whose_longitude_and_latitude_lie_in_its_ranges_edges_included()
    {
        var corner = await At(50.2, 8.2);
        var inside = await At(50.25, 8.25);
        var edge = await At(50.3, 8.25);
        await At(50.3001, 8.25);
        await At(50.25, 8.1999);
        Assert.Equal([Id(edge.Id), Id(inside.Id), Id(corner.Id)], await app.IdsAsync("?bbox=8.2,50.2,8.3,50.3"));
    }

    [Fact]
    public async Task A_wide_bbox_is_a_box_in_degrees_not_a_polygon_with_great_circle_edges()
    {
        // A great circle between (3°, 44°) and (13°, 44°) runs north of the parallel, up to 44.1° in the middle:
        // a geography polygon would miss this report just inside the box's southern edge.
        var south = await At(44.02, 8.0);
        var north = await At(47.99, 3.01);
        await At(48.01, 8.0);
        Assert.Equal([Id(north.Id), Id(south.Id)], await app.IdsAsync("?bbox=3,44,13,48"));
    }

    [Fact]
    public async Task A_place_query_combines_with_the_standard_filters_in_every_jurisdiction()
    {
        var open = await At(50.4, 8.4);
        var closed = await At(50.4001, 8.4, TestCatalog.SecondJurisdiction, r => { r.Status = "closed"; r.ExtendedStatus = "FIXED"; });
        var waste = await At(50.4002, 8.4, serviceCode: "WILDER_MUELL");
        await At(50.4003, 8.4, requestedAt: DateTimeOffset.UtcNow.AddDays(-120));
        const string place = "?lat=50.4&long=8.4&radius=100";
        Assert.Equal([Id(waste.Id), Id(closed.Id), Id(open.Id)], await app.IdsAsync(place));
        Assert.Equal([Id(closed.Id)], await app.IdsAsync(place + "&status=closed"));
        Assert.Equal([Id(closed.Id), Id(open.Id)], await app.IdsAsync(place + "&service_code=SCHLAGLOCH"));
        Assert.Equal(["Unknown service_code 'GIBTS_NICHT'."], await app.BadRequestAsync(place + "&service_code=GIBTS_NICHT"));
    }

    [Fact]
    public async Task Reports_of_blackbox_services_and_reports_without_a_place_are_never_found_by_place()
    {
        var pothole = await At(50.5, 8.5);
        await At(50.5, 8.5, serviceCode: "HINWEIS");
        await Rows.InsertAsync(app, Recently, r => r.Location = null);
        Assert.Equal([Id(pothole.Id)], await app.IdsAsync("?lat=50.5&long=8.5&radius=50"));
    }

    [Fact]
    public async Task An_unpaged_place_query_is_the_standards_listing_newest_first_within_90_days()
    {
        var older = await At(50.6, 8.6, requestedAt: DateTimeOffset.UtcNow.AddDays(-30));
        var newer = await At(50.6, 8.6, requestedAt: DateTimeOffset.UtcNow.AddDays(-2));
        await At(50.6, 8.6, requestedAt: DateTimeOffset.UtcNow.AddDays(-91));
        Assert.Equal([Id(newer.Id), Id(older.Id)], await app.IdsAsync("?lat=50.6&long=8.6&radius=10"));
    }

    [Theory]
    [InlineData("?lat=95&long=x&radius=0", "lat '95' is not a latitude in degrees between -90 and 90.",
        "long 'x' is not a longitude in degrees between -180 and 180.", "radius '0' is not a distance in metres greater than 0 and at most 100000.")]
    [InlineData("?lat=50&long=8", "lat, long and radius go together; missing: radius.")]
    [InlineData("?radius=100", "lat, long and radius go together; missing: lat, long.")]
    [InlineData("?lat=50,5&long=8&radius=100001", "lat '50,5' is not a latitude in degrees between -90 and 90.",
        "radius '100001' is not a distance in metres greater than 0 and at most 100000.")]
    [InlineData("?lat=NaN&long=Infinity&radius=1e3", "lat 'NaN' is not a latitude in degrees between -90 and 90.",
        "long 'Infinity' is not a longitude in degrees between -180 and 180.", "radius '1e3' is not a distance in metres greater than 0 and at most 100000.")]
    [InlineData("?bbox=8,50,9", "bbox '8,50,9' is not four numbers minLon,minLat,maxLon,maxLat in WGS 84 degrees.")]
    [InlineData("?bbox=8,50,x,51", "bbox '8,50,x,51' is not four numbers minLon,minLat,maxLon,maxLat in WGS 84 degrees.")]
    [InlineData("?bbox=9,50,8,51", "bbox '9,50,8,51' is empty or reversed: minLon must be less than maxLon and minLat less than maxLat (a box across the antimeridian is two queries).")]
    [InlineData("?bbox=8,91,9,92", "bbox '8,91,9,92' lies outside the globe: longitudes run from -180 to 180, latitudes from -90 to 90.")]
    [InlineData("?bbox=8,50,9,51&lat=50&long=8&radius=10", "bbox cannot be combined with lat, long and radius: ask for a box or a circle.")]
    public async Task Bad_places_answer_400_with_every_problem(string query, params string[] expected) =>
        Assert.Equal(expected, await app.BadRequestAsync(query));

    [Fact]
    public async Task A_bad_place_and_other_bad_filters_are_reported_together() =>
        Assert.Equal(3, (await app.BadRequestAsync("?lat=50&long=8&radius=-1&status=kaputt&page=0")).Count);
}
