namespace Open311Gateway.Api.Features.Requests.Listing;

/// <summary>Settings of the public request listing (section <c>Open311:Listing</c>).</summary>
public sealed class RequestListingOptions
{
    public const string Section = "Open311:Listing";

    /// <summary>
    /// How old a public change must be before a sync (<c>updated_after</c>/<c>updated_before</c>) shows it (ADR 12):
    /// longer than any transaction that stamps a change takes to commit, so that no change stamped earlier can
    /// appear behind a point a client has already read.
    /// </summary>
    public int ChangeSettleSeconds { get; set; } = 10;

    /// <summary>
    /// How many reports changed after a sync's upper bound are still given their place in it (ADR 12). Each costs a
    /// look-up in the change log, so an <c>updated_before</c> far in the past (chosen by any client) would cost one per
    /// report changed since; beyond this many the sync uses the plain filter (their current change time is past the
    /// bound, so they are not in the window).
    /// </summary>
    public int MaxMovedReports { get; set; } = 1000;

    /// <summary>
    /// How far back a sync's bound still finds the earlier place of a report changed since (ADR 12): older entries of
    /// the change log that a newer one before this age supersedes are pruned by <see cref="ChangeLogPruner"/>.
    /// </summary>
    public int ChangeLogDays { get; set; } = 30;
}
