namespace Open311Gateway.Api.Catalog.Boundaries;

/// <summary>
/// The projected reference systems a jurisdiction's back office may get easting and northing in (catalogue key
/// <c>crs</c>). Only ETRS89 / UTM zones 32N and 33N, the official position reference system of German surveying
/// (AdV): both share WGS 84's datum to within a metre, so PostGIS projects without a grid-based datum shift that
/// might be missing on a server (see specs/adr/0013).
/// </summary>
public static class ProjectedCrs
{
    public static IReadOnlyList<int> Allowed { get; } = [25832, 25833];

    public static string Name(int srid) => $"EPSG:{srid}";

    /// <summary>The SRID of <c>EPSG:25832</c> (case-insensitive), or null when the text names none of the allowed ones.</summary>
    public static int? Parse(string text)
    {
        const string prefix = "EPSG:";
        if (!text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return null;
        return int.TryParse(text.AsSpan(prefix.Length), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var srid) && Allowed.Contains(srid) ? srid : null;
    }
}
