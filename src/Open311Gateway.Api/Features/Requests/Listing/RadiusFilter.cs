namespace Open311Gateway.Api.Features.Requests.Listing;

/// <summary>Reports within <paramref name="Metres"/> of a WGS 84 point (<c>lat</c>, <c>long</c>, <c>radius</c>).</summary>
public sealed record RadiusFilter(double Latitude, double Longitude, double Metres)
{
    /// <summary>Wide enough for a region's map, small enough that a typo (a radius in millimetres) is noticed.</summary>
    public const double MaxMetres = 100_000;
}
