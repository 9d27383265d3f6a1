using Open311Gateway.Api.BackOffice;
using Open311Gateway.Api.Features.Updates;
using Open311Gateway.Api.Statuses;
using Open311Gateway.Contracts.StatusPolls;

namespace Open311Gateway.Api.StatusPolls;

/// <summary>Turns a change a worker read into the update a pushing back office would have sent, within the same limits.</summary>
public static class PolledChanges
{
    /// <summary>
    /// An upstream Open311 server that answers a POST with a token has no id for the report yet; the external case id
    /// is this prefix and the token until a poll resolves it.
    /// </summary>
    public const string PendingTokenPrefix = "token:";

    /// <summary>Null when the change has no status of ours (the route's status map has none for the back office's).</summary>
    public static BackOfficeUpdate? ToUpdate(BackOfficeStatusChange change, DateTimeOffset now)
    {
        if (ExtendedStatuses.Normalize(change.Status) is not { } status) return null;
        // A back office's clock running ahead must not freeze the report's state (see BackOfficeUpdateValidator).
        // In UTC: a back office may write its own offset, and Npgsql stores timestamptz from offset 0 only.
        var changedAt = (change.ChangedAt > now + BackOfficeUpdateValidator.AllowedClockSkew ? now : change.ChangedAt).ToUniversalTime();
        return new BackOfficeUpdate(
            Shorten(change.UpdateId, UpdateFieldRules.MaxUpdateIdLength)!,
            status,
            Shorten(change.StatusNotes, UpdateFieldRules.MaxDescriptionLength),
            Shorten(change.AgencyResponsible, BackOfficeUpdateValidator.MaxAgencyLength),
            ExpectedAt: null,
            UpdatedAt: changedAt,
            MediaUrl: null);
    }

    private static string? Shorten(string? text, int max) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Length <= max ? text : text[..max];
}
