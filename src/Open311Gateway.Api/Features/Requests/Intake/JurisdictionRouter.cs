using NetTopologySuite.Geometries;
using Open311Gateway.Api.Jurisdictions;
using Open311Gateway.Api.Submissions;

namespace Open311Gateway.Api.Features.Requests.Intake;

/// <summary>
/// Which jurisdiction a new report belongs to. Named by <c>jurisdiction_id</c> (or the only one served): that one,
/// and a point outside its boundary is refused. Unnamed on an endpoint serving several: the jurisdiction whose
/// boundary covers the report's point; no point, or a point in none, is refused, since the gateway does not geocode.
/// A jurisdiction without a boundary takes any point, but only when named (see specs/adr/0013).
/// </summary>
public sealed class JurisdictionRouter(JurisdictionResolver jurisdictions, BoundaryLookup boundaries)
{
    public async Task<(JurisdictionResolution? Routed, IntakeOutcome? Refusal)> RouteAsync(
        SubmittedFields fields, Point? point, IReadOnlyList<string> pointErrors, List<string> errors, CancellationToken cancellationToken)
    {
        var resolved = await jurisdictions.ResolveAsync(fields.Single("jurisdiction_id", errors), cancellationToken);
        if (resolved.Jurisdiction is { } named)
        {
            if (point is not null && await boundaries.IsOutsideAsync(named.Id, point, cancellationToken))
                errors.Add($"{SubmittedPoint.Describe(point)} lies outside the boundary of {named.Id}.");
            return (resolved, null);
        }
        if (resolved.Choices.Count == 0) return (null, IntakeOutcome.Refused(resolved.Error!.Code, resolved.Error.Description));

        var served = resolved.Choices;
        var bounded = await boundaries.WithBoundaryAsync(served, cancellationToken);
        // Without any boundary there is nothing to route by: the answer stays what it always was.
        if (bounded.Count == 0) return (null, Required([], resolved.Error!.Description));
        if (point is null)
            return (null, Required(pointErrors, $"{JurisdictionResolver.RequiredMessage(served)} Without it a report goes to the jurisdiction whose "
                + "boundary contains its lat and long; an address alone is not looked up."));

        var found = await boundaries.CoveringAsync(point, cancellationToken);
        return found is null
            ? (null, Required([], $"{SubmittedPoint.Describe(point)} lies inside none of the boundaries of {string.Join(", ", bounded)}: "
                + $"send jurisdiction_id to choose one of {string.Join(", ", served)}."))
            : (new JurisdictionResolution(found, null), null);

        IntakeOutcome Required(IEnumerable<string> more, string message) =>
            IntakeOutcome.Refused(StatusCodes.Status400BadRequest, errors.Concat(more).Append(message));
    }
}
