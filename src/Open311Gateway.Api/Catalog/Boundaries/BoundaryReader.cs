using System.Text.Json;
using NetTopologySuite.Geometries;
using Open311Gateway.Api.Catalog.Parsing;
using YamlDotNet.RepresentationModel;

namespace Open311Gateway.Api.Catalog.Boundaries;

/// <summary>
/// A jurisdiction's <c>boundary</c>: a GeoJSON Polygon or MultiPolygon written inline, or the path of a GeoJSON file
/// beside the catalogue (relative to the catalogue file). Errors in a file are reported at the catalogue line that
/// names it, with the file and the position inside it.
/// </summary>
internal static class BoundaryReader
{
    // A municipality's outline from official data is a few MB at most; more is a wrong file, not a boundary.
    private const long MaxFileBytes = 32 * 1024 * 1024;

    public static MultiPolygon? Read(YamlNode node, string path, ParseContext context)
    {
        var read = node is YamlScalarNode { Value: { } file } ? FromFile(node, path, file.Trim(), context) : Inline(node, path, context);
        if (read is not null && GeoJsonPolygonReader.InvalidReason(read) is { } reason)
        {
            context.Report(node, $"{path} is not a valid polygon: {reason}");
            return null;
        }
        return read;
    }

    private static MultiPolygon? Inline(YamlNode node, string path, ParseContext context) =>
        new GeoJsonPolygonReader(context.Report).Read(node, path, features: false);

    private static MultiPolygon? FromFile(YamlNode node, string path, string file, ParseContext context)
    {
        if (context.BaseDirectory is not { } directory)
        {
            context.Report(node, $"{path} names the file '{file}', but this catalogue was not read from a file: write the boundary inline");
            return null;
        }
        var fullPath = Path.GetFullPath(Path.Combine(directory, file));
        JsonDocument json;
        try
        {
            var info = new FileInfo(fullPath);
            if (!info.Exists)
            {
                context.Report(node, $"{path} file '{file}' does not exist (looked for {fullPath})");
                return null;
            }
            if (info.Length > MaxFileBytes)
            {
                context.Report(node, $"{path} file '{file}' is larger than {MaxFileBytes / (1024 * 1024)} MB");
                return null;
            }
            using var stream = info.OpenRead();
            json = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            context.Report(node, $"{path} file '{file}' is not valid JSON: {e.Message}");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Report(node, $"{path} file '{file}' cannot be read: {e.Message}");
            return null;
        }
        using (json)
        {
            // Positions inside the file have no catalogue line: report them at the line naming the file.
            var reader = new GeoJsonPolygonReader((_, message) => context.Report(node, $"{path} file '{file}': {message}"));
            return reader.Read(JsonAsYaml.Convert(json.RootElement), "boundary", features: true);
        }
    }
}
