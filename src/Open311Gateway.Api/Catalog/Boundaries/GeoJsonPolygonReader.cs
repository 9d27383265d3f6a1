using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Open311Gateway.Api.Catalog.Boundaries;

/// <summary>
/// Reads a GeoJSON (RFC 7946) Polygon or MultiPolygon in WGS 84 from a YAML node tree, the form both an inline
/// boundary and a boundary file (converted by <see cref="JsonAsYaml"/>) take, and checks it: closed rings,
/// coordinates in range, a valid geometry. Written by hand rather than with a GeoJSON library, so that each error
/// names the position it is about. Polygons always come back as a MultiPolygon: one column type for both.
/// </summary>
internal sealed class GeoJsonPolygonReader(Action<YamlNode, string> report)
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    /// <param name="features">Whether a Feature or a FeatureCollection of one feature is accepted too (files from GIS tools).</param>
    public MultiPolygon? Read(YamlNode node, string path, bool features)
    {
        if (node is not YamlMappingNode mapping)
        {
            report(node, $"{path} must be a GeoJSON object (type and coordinates)");
            return null;
        }
        var type = Scalar(mapping, "type");
        switch (type)
        {
            case "Polygon":
                return Polygon(Child(mapping, "coordinates", path), path + ".coordinates") is { } polygon ? Factory.CreateMultiPolygon([polygon]) : null;
            case "MultiPolygon":
                return MultiPolygon(Child(mapping, "coordinates", path), path + ".coordinates");
            case "Feature" when features:
                return Child(mapping, "geometry", path) is { } geometry ? Read(geometry, path + ".geometry", features: false) : null;
            case "FeatureCollection" when features:
                if (Find(mapping, "features") is YamlSequenceNode { Children.Count: 1 } one) return Read(one.Children[0], path + ".features[0]", features);
                report(mapping, $"{path}.features must hold exactly one feature, the boundary");
                return null;
            default:
                report(mapping, $"{path}.type {(type is null ? "is missing" : $"'{type}' is not allowed")}: a boundary is a GeoJSON Polygon or MultiPolygon"
                    + (features ? " (or a Feature of one)" : ""));
                return null;
        }
    }

    /// <summary>The reason a geometry is not valid (self-intersection, a hole outside its shell …), with where; null when valid.</summary>
    public static string? InvalidReason(Geometry geometry)
    {
        var error = new IsValidOp(geometry).ValidationError;
        if (error is null) return null;
        var at = error.Coordinate is { } c ? string.Create(CultureInfo.InvariantCulture, $" at long {c.X}, lat {c.Y}") : "";
        return error.Message + at;
    }

    private MultiPolygon? MultiPolygon(YamlNode? node, string path)
    {
        if (Sequence(node, path, "a list of polygons") is not { } items) return null;
        if (items.Children.Count == 0)
        {
            report(items, $"{path} must hold at least one polygon");
            return null;
        }
        var polygons = items.Children.Select((item, i) => Polygon(item, $"{path}[{i}]")).ToList();
        return polygons.Any(p => p is null) ? null : Factory.CreateMultiPolygon(polygons.ToArray()!);
    }

    private Polygon? Polygon(YamlNode? node, string path)
    {
        if (Sequence(node, path, "a list of rings (the outline first, then any holes)") is not { } rings) return null;
        if (rings.Children.Count == 0)
        {
            report(rings, $"{path} must hold at least the outline ring");
            return null;
        }
        var read = rings.Children.Select((ring, i) => Ring(ring, $"{path}[{i}]")).ToList();
        return read.Any(r => r is null) ? null : Factory.CreatePolygon(read[0]!, read.Skip(1).ToArray()!);
    }

    private LinearRing? Ring(YamlNode node, string path)
    {
        if (Sequence(node, path, "a list of [long, lat] positions") is not { } positions) return null;
        var coordinates = positions.Children.Select((position, i) => Position(position, $"{path}[{i}]")).ToList();
        if (coordinates.Any(c => c is null)) return null;
        if (coordinates.Count < 4)
        {
            report(positions, $"{path} has {coordinates.Count} positions; a ring needs at least 4 (the first repeated at the end)");
            return null;
        }
        if (!coordinates[0]!.Equals2D(coordinates[^1]!))
        {
            report(positions, $"{path} is not closed: its last position must repeat the first");
            return null;
        }
        return Factory.CreateLinearRing(coordinates.ToArray()!);
    }

    private Coordinate? Position(YamlNode node, string path)
    {
        // [long, lat] or [long, lat, altitude]; the altitude is of no use for a boundary and is dropped.
        if (node is not YamlSequenceNode { Children.Count: 2 or 3 } pair)
        {
            report(node, $"{path} must be a position [long, lat]");
            return null;
        }
        var longitude = Number(pair.Children[0], path + "[0]", "long", 180);
        var latitude = Number(pair.Children[1], path + "[1]", "lat", 90);
        return longitude is { } x && latitude is { } y ? new Coordinate(x, y) : null;
    }

    private double? Number(YamlNode node, string path, string name, double limit)
    {
        if (node is not YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: { } text }
            || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            report(node, $"{path} ({name}) must be a number in decimal degrees");
            return null;
        }
        if (Math.Abs(value) > limit)
        {
            report(node, $"{path} ({name}) {text} is out of range (-{limit} to {limit}); positions are [long, lat] in WGS 84");
            return null;
        }
        return value;
    }

    private YamlSequenceNode? Sequence(YamlNode? node, string path, string expected)
    {
        if (node is YamlSequenceNode sequence) return sequence;
        if (node is null) return null;
        report(node, $"{path} must be {expected}");
        return null;
    }

    private YamlNode? Child(YamlMappingNode mapping, string key, string path)
    {
        var found = Find(mapping, key);
        if (found is null) report(mapping, $"{path}.{key} is missing");
        return found;
    }

    private static YamlNode? Find(YamlMappingNode mapping, string key) =>
        mapping.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: var name } && name == key).Value;

    private static string? Scalar(YamlMappingNode mapping, string key) => Find(mapping, key) is YamlScalarNode { Value: { } value } ? value : null;
}
