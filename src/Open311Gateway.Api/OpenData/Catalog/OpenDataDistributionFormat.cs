using Open311Gateway.Api.OpenData.Exports;

namespace Open311Gateway.Api.OpenData.Catalog;

/// <summary>
/// A download of a dataset: the export's file name (the exports' own, so a download URL cannot name a route that is not
/// served), and how DCAT-AP.de names its format (EU file type, IANA media type).
/// </summary>
public sealed record OpenDataDistributionFormat(string FileName, string Label, string FileTypeIri, string MediaTypeIri)
{
    private const string FileTypes = "http://publications.europa.eu/resource/authority/file-type/";
    private const string MediaTypes = "https://www.iana.org/assignments/media-types/";

    public static readonly OpenDataDistributionFormat GeoJson = new(ExportFormat.GeoJson.FileName, "GeoJSON", FileTypes + "GEOJSON", MediaTypes + "application/geo+json");
    public static readonly OpenDataDistributionFormat Csv = new(ExportFormat.Csv.FileName, "CSV", FileTypes + "CSV", MediaTypes + "text/csv");

    /// <summary>The exports every dataset has (routes of OpenData/Exports), in the order the catalogue lists them.</summary>
    public static IReadOnlyList<OpenDataDistributionFormat> All { get; } = [GeoJson, Csv];
}
