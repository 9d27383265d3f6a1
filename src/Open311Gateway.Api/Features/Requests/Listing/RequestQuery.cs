namespace Open311Gateway.Api.Features.Requests.Listing;

/// <summary>The filters of a public <c>GET requests</c>, checked and with defaults applied.</summary>
/// <param name="RequestedFrom">Lower bound on <c>requested_datetime</c> (UTC); null: none (a sync or a paged listing without dates).</param>
/// <param name="RequestedTo">Upper bound on <c>requested_datetime</c> (UTC); null: none.</param>
/// <param name="UpdatedAfter">Exclusive lower bound on the gateway's public change time (UTC).</param>
/// <param name="UpdatedBefore">Inclusive upper bound on the gateway's public change time (UTC).</param>
/// <param name="Paging">The page asked for; null: the standard's unpaged answer (newest first, at most 1000).</param>
/// <param name="Text">Full-text search over description and address (<c>q</c>).</param>
/// <param name="Extensions">Whether <c>extended_attributes</c> and <c>notes</c> are added.</param>
public sealed record RequestQuery(
    IReadOnlyList<long> ServiceRequestIds,
    IReadOnlyList<string> ServiceCodes,
    IReadOnlyList<string> Statuses,
    DateTimeOffset? RequestedFrom,
    DateTimeOffset? RequestedTo,
    DateTimeOffset? UpdatedAfter = null,
    DateTimeOffset? UpdatedBefore = null,
    RadiusFilter? Radius = null,
    BoundingBox? Box = null,
    Paging? Paging = null,
    string? Text = null,
    bool Extensions = false)
{
    public const int MaxResults = 1000;
    public static readonly TimeSpan MaxWindow = Open311.Open311DateWindow.MaxWindow;

    /// <summary>A place query spans every jurisdiction when none is named: a map crosses town borders.</summary>
    public bool IsPlaceQuery => Radius is not null || Box is not null;

    /// <summary>
    /// An incremental sync: filtered on, and sorted by, the gateway's public change time. A service_request_id list
    /// overrides every filter, these too.
    /// </summary>
    public bool IsChangeQuery => ServiceRequestIds.Count == 0 && (UpdatedAfter is not null || UpdatedBefore is not null);
}
