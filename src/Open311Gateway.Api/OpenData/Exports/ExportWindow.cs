namespace Open311Gateway.Api.OpenData.Exports;

/// <summary>
/// Which public reports of a jurisdiction an export holds: all of them, or those requested within
/// <c>start_date</c>/<c>end_date</c> (inclusive) and those the gateway changed after <c>updated_after</c> (exclusive) and
/// up to <c>updated_before</c> (inclusive). Times in UTC. No span limit: a portal harvests the whole history at once.
/// </summary>
public sealed record ExportWindow(DateTimeOffset? RequestedFrom, DateTimeOffset? RequestedTo, DateTimeOffset? UpdatedAfter, DateTimeOffset? UpdatedBefore)
{
    /// <summary>Asks for reports by the gateway's change time, as an incremental harvest does (ADR 12's settle time applies).</summary>
    public bool IsChangeWindow => UpdatedAfter is not null || UpdatedBefore is not null;
}
