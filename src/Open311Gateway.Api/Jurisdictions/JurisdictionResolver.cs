using Open311Gateway.Api.Caching;
using Open311Gateway.Api.Open311;
using Open311Gateway.Api.Submissions;

namespace Open311Gateway.Api.Jurisdictions;

/// <summary>
/// Finds the jurisdiction a client means. <c>jurisdiction_id</c> is required only when this gateway
/// serves several; an empty value counts as absent (FixMyStreet sends <c>jurisdiction_id=</c>). Read from the cached
/// catalogue (ADR 22).
/// </summary>
public sealed class JurisdictionResolver(GatewayCache cache)
{
    public async Task<JurisdictionResolution> ResolveAsync(string? jurisdictionId, CancellationToken cancellationToken)
    {
        var catalog = await cache.CatalogAsync(cancellationToken);
        var active = catalog.Active;
        if (string.IsNullOrWhiteSpace(jurisdictionId))
        {
            return active.Count switch
            {
                1 => new(active[0], null),
                0 => new(null, new(StatusCodes.Status404NotFound, "No jurisdiction is configured on this endpoint.")),
                _ => new(null, new(StatusCodes.Status400BadRequest, RequiredMessage(active.Select(j => j.Id).ToList())))
                {
                    Choices = active.Select(j => j.Id).ToList(),
                },
            };
        }
        var match = catalog.ActiveJurisdiction(jurisdictionId.Trim());
        return match is null
            ? new(null, new(StatusCodes.Status404NotFound, $"Unknown jurisdiction_id '{TextRules.Shorten(jurisdictionId)}'."))
            : new(match, null);
    }

    public static string RequiredMessage(IReadOnlyList<string> served) => "jurisdiction_id is required: this endpoint serves " + string.Join(", ", served) + ".";
}
