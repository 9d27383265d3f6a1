using NetTopologySuite.Geometries;
using Open311Gateway.Api.Catalog.Parsing;
using YamlDotNet.Core;

namespace Open311Gateway.Api.Catalog.Boundaries;

/// <summary>
/// Refuses boundaries whose interiors intersect: a point inside two jurisdictions would have no single owner.
/// Boundaries that only touch (a shared border) are fine.
/// </summary>
internal sealed class BoundaryOverlaps(ParseContext context)
{
    private readonly List<(string Id, string Path, Mark At, MultiPolygon Boundary)> _seen = [];

    public void Claim(string id, string path, Mark at, MultiPolygon boundary)
    {
        // DE-9IM "T********": the interiors share at least a point.
        foreach (var earlier in _seen.Where(e => e.Boundary.EnvelopeInternal.Intersects(boundary.EnvelopeInternal) && e.Boundary.Relate(boundary, "T********")))
        {
            context.Report(at, $"{path} of '{id}' overlaps the boundary of '{earlier.Id}' ({earlier.Path}, line {earlier.At.Line}): "
                + "boundaries may share a border but not an area, or a point would belong to both");
        }
        _seen.Add((id, path, at, boundary));
    }
}
