namespace Open311Gateway.Api.OpenData.Exports;

/// <summary>The two files of a jurisdiction's dataset: what their URLs end in and the media type they are served as.</summary>
public sealed record ExportFormat(string FileName, string ContentType)
{
    public static readonly ExportFormat GeoJson = new("requests.geojson", "application/geo+json");

    /// <summary>RFC 4180 with a header row (RFC 4180's optional <c>header</c> parameter says so); UTF-8 without a byte-order mark.</summary>
    public static readonly ExportFormat Csv = new("requests.csv", "text/csv; charset=utf-8; header=present");
}
