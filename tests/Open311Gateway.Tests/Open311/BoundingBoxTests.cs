using Open311Gateway.Api.Features.Requests.Listing;

namespace Open311Gateway.Tests.Open311;

/// <summary>The circle through which the geography index finds a bbox's candidates must hold the whole box.</summary>
public sealed class BoundingBoxTests
{
    private const double EarthRadius = 6_371_008.8;

    private static double Distance(double lat1, double lon1, double lat2, double lon2)
    {
        static double R(double d) => d * Math.PI / 180;
        var a = Math.Pow(Math.Sin(R(lat2 - lat1) / 2), 2) + Math.Cos(R(lat1)) * Math.Cos(R(lat2)) * Math.Pow(Math.Sin(R(lon2 - lon1) / 2), 2);
        return 2 * EarthRadius * Math.Asin(Math.Sqrt(a));
    }

    [Theory]
    [InlineData(13.38, 52.51, 13.43, 52.53)]
    [InlineData(5.9, 47.3, 15.0, 55.0)]
    [InlineData(-1, -1, 1, 1)]
    [InlineData(-45, 0, 45, 89.9)]
    [InlineData(100, -89, 170, -10)]
    public void Every_point_of_the_box_lies_within_the_covering_circle(double minLon, double minLat, double maxLon, double maxLat)
    {
        var box = new BoundingBox(minLon, minLat, maxLon, maxLat);
        var radius = box.CoveringRadiusMetres();
        for (var i = 0; i <= 40; i++)
        for (var j = 0; j <= 40; j++)
        {
            var lon = minLon + (maxLon - minLon) * i / 40;
            var lat = minLat + (maxLat - minLat) * j / 40;
            Assert.True(Distance(box.CentreLatitude, box.CentreLongitude, lat, lon) * 1.005 <= radius, $"({lat}, {lon}) lies outside");
        }
    }

    [Fact]
    public void A_box_wider_than_90_degrees_is_covered_by_a_circle_over_the_whole_globe() =>
        Assert.Equal(BoundingBox.WholeEarthMetres, new BoundingBox(-100, 0, 10, 10).CoveringRadiusMetres());

    [Fact]
    public void A_city_sized_box_gets_a_circle_barely_larger_than_its_half_diagonal()
    {
        var radius = new BoundingBox(13.38, 52.51, 13.43, 52.53).CoveringRadiusMetres();
        Assert.InRange(radius, 2_020, 2_060); // half the diagonal: 2.02 km
    }
}
