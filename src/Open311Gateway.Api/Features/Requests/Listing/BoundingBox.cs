namespace Open311Gateway.Api.Features.Requests.Listing;

/// <summary>
/// <c>bbox=minLon,minLat,maxLon,maxLat</c>: a map's viewport, the reports whose longitude and latitude lie
/// within the ranges (edges included). It does not cross the antimeridian (minLon &lt; maxLon).
/// </summary>
public sealed record BoundingBox(double MinLongitude, double MinLatitude, double MaxLongitude, double MaxLatitude)
{
    // Mean Earth radius (IUGG). PostGIS measures geography distances on the WGS 84 spheroid, which differs
    // from the sphere by well under 1 %; the margin below covers that.
    private const double EarthRadiusMetres = 6_371_008.8;
    private const double Margin = 1.01;
    private const double MarginMetres = 10;

    /// <summary>Half the Earth's circumference and a bit: a circle of this radius covers the whole globe.</summary>
    public const double WholeEarthMetres = 20_100_000;

    public double CentreLongitude => (MinLongitude + MaxLongitude) / 2;

    public double CentreLatitude => (MinLatitude + MaxLatitude) / 2;

    /// <summary>
    /// The radius of a circle around the centre that contains the whole box, so that the geography GiST index on
    /// <c>location</c> can find the candidates (<c>ST_DWithin</c>) before the exact range check. For a box of at
    /// most 90° each way (any map view) the farthest points from the centre are its corners: along a parallel
    /// the distance grows with the longitude difference, along a meridian it is largest at an end, and every
    /// inside point lies on a parallel between two edges. Larger boxes get a circle over the whole globe.
    /// </summary>
    public double CoveringRadiusMetres()
    {
        if (MaxLongitude - MinLongitude > 90 || MaxLatitude - MinLatitude > 90) return WholeEarthMetres;
        var farthest = new[]
        {
            Distance(MinLatitude, MinLongitude), Distance(MinLatitude, MaxLongitude),
            Distance(MaxLatitude, MinLongitude), Distance(MaxLatitude, MaxLongitude),
        }.Max();
        return farthest * Margin + MarginMetres;
    }

    // Great-circle distance from the centre (haversine).
    private double Distance(double latitude, double longitude)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(latitude - CentreLatitude);
        var dLon = Radians(longitude - CentreLongitude);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(Radians(CentreLatitude)) * Math.Cos(Radians(latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
