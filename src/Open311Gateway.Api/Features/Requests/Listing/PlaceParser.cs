using System.Globalization;
using Open311Gateway.Api.Submissions;

namespace Open311Gateway.Api.Features.Requests.Listing;

/// <summary>Reads the place of a place query: <c>lat</c>+<c>long</c>+<c>radius</c>, or <c>bbox</c>, never both.</summary>
internal static class PlaceParser
{
    private static readonly string[] RadiusParameters = ["lat", "long", "radius"];

    /// <summary>Whether the query asks for a place at all (even with bad values): it decides how the jurisdiction is found.</summary>
    public static bool AsksForPlace(IQueryCollection query) =>
        RadiusParameters.Append("bbox").Any(name => QueryValues.Has(query, name));

    public static (RadiusFilter? Radius, BoundingBox? Box) Parse(IQueryCollection query, List<string> errors)
    {
        var givenRadius = RadiusParameters.Where(name => QueryValues.Has(query, name)).ToList();
        var bboxText = QueryValues.Text(query, "bbox");
        if (givenRadius.Count > 0 && bboxText is not null)
        {
            errors.Add("bbox cannot be combined with lat, long and radius: ask for a box or a circle.");
            return (null, null);
        }
        if (bboxText is not null) return (null, ParseBox(bboxText, errors));
        if (givenRadius.Count == 0) return (null, null);
        if (givenRadius.Count < RadiusParameters.Length)
        {
            var missing = RadiusParameters.Except(givenRadius);
            errors.Add($"lat, long and radius go together; missing: {string.Join(", ", missing)}.");
            return (null, null);
        }
        var before = errors.Count;
        var lat = Coordinate(query, "lat", 90, "latitude", errors);
        var lon = Coordinate(query, "long", 180, "longitude", errors);
        var radiusText = QueryValues.Text(query, "radius")!;
        if (!QueryValues.TryNumber(radiusText, out var metres) || metres <= 0 || metres > RadiusFilter.MaxMetres)
            errors.Add($"radius '{TextRules.Shorten(radiusText)}' is not a distance in metres greater than 0 and at most {RadiusFilter.MaxMetres.ToString(CultureInfo.InvariantCulture)}.");
        return errors.Count > before ? (null, null) : (new RadiusFilter(lat, lon, metres), null);
    }

    private static double Coordinate(IQueryCollection query, string name, double limit, string what, List<string> errors)
    {
        var text = QueryValues.Text(query, name)!;
        if (QueryValues.TryNumber(text, out var value) && Math.Abs(value) <= limit) return value;
        errors.Add($"{name} '{TextRules.Shorten(text)}' is not a {what} in degrees between -{limit} and {limit}.");
        return 0;
    }

    private static BoundingBox? ParseBox(string text, List<string> errors)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var numbers = new double[parts.Length];
        var readable = parts.Length == 4 && parts.Select((p, i) => QueryValues.TryNumber(p, out numbers[i])).All(ok => ok);
        if (!readable)
        {
            errors.Add($"bbox '{TextRules.Shorten(text)}' is not four numbers minLon,minLat,maxLon,maxLat in WGS 84 degrees.");
            return null;
        }
        var (minLon, minLat, maxLon, maxLat) = (numbers[0], numbers[1], numbers[2], numbers[3]);
        var before = errors.Count;
        if (new[] { minLon, maxLon }.Any(v => Math.Abs(v) > 180) || new[] { minLat, maxLat }.Any(v => Math.Abs(v) > 90))
            errors.Add($"bbox '{TextRules.Shorten(text)}' lies outside the globe: longitudes run from -180 to 180, latitudes from -90 to 90.");
        else if (minLon >= maxLon || minLat >= maxLat)
            errors.Add($"bbox '{TextRules.Shorten(text)}' is empty or reversed: minLon must be less than maxLon and minLat less than maxLat (a box across the antimeridian is two queries).");
        return errors.Count > before ? null : new BoundingBox(minLon, minLat, maxLon, maxLat);
    }
}
