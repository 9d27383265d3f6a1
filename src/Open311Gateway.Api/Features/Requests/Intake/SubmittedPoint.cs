using System.Globalization;
using NetTopologySuite.Geometries;
using Open311Gateway.Api.Submissions;

namespace Open311Gateway.Api.Features.Requests.Intake;

/// <summary>A submission's lat/long as a WGS 84 point, read before the other fields, since it may choose the jurisdiction.</summary>
public static class SubmittedPoint
{
    /// <returns>The point, or null when lat/long are absent or wrong (then <paramref name="errors"/> says what is wrong).</returns>
    public static Point? Read(SubmittedFields fields, List<string> errors)
    {
        var before = errors.Count;
        var (latitude, longitude) = SubmissionValidator.ReadCoordinates(fields, errors);
        return errors.Count == before && latitude is { } lat && longitude is { } lon ? new Point(lon, lat) { SRID = 4326 } : null;
    }

    /// <summary>How messages name a point: "lat 52.52, long 13.405".</summary>
    public static string Describe(Point point) => string.Create(CultureInfo.InvariantCulture, $"lat {point.Y}, long {point.X}");
}
