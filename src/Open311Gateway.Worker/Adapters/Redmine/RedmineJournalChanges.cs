using System.Globalization;
using Open311Gateway.Contracts.StatusPolls;

namespace Open311Gateway.Worker.Adapters.Redmine;

/// <summary>
/// An issue's journals as status changes: each journal that changes the status or carries a public note is one change,
/// named by the journal's id. Private notes never travel; a journal with only private notes is no change at all, and
/// one with a status change and private notes (Redmine keeps those apart anyway) is the status change without them.
/// The adapter's own notes (citizens' follow-ups) are not the back office's word and are left out too.
/// </summary>
public static class RedmineJournalChanges
{
    public const string UpdateIdPrefix = "redmine-journal-";

    /// <param name="serviceRequestId">Our id of the report, read from the issue's our-id field.</param>
    /// <param name="statusNames">Redmine's status names by id (journals name statuses by id only).</param>
    /// <param name="statusMap">The catalogue's map from Redmine status (by name, or by id) to our extended status.</param>
    public static IEnumerable<BackOfficeStatusChange> From(
        RedmineIssue issue, string serviceRequestId, IReadOnlyDictionary<int, string> statusNames, IReadOnlyDictionary<string, string>? statusMap)
    {
        // The status before the first journal that changed it; the current one when none did.
        var status = issue.Journals.FirstOrDefault(j => j.NewStatusId is not null)?.OldStatusId ?? issue.StatusId;
        foreach (var journal in issue.Journals)
        {
            var statusChanged = journal.NewStatusId is not null;
            if (journal.NewStatusId is { } newStatus) status = newStatus;
            var notes = PublicNotes(journal);
            if (!statusChanged && notes is null) continue;
            var name = statusNames.TryGetValue(status, out var known) ? known : status == issue.StatusId ? issue.StatusName : null;
            yield return new BackOfficeStatusChange
            {
                ServiceRequestId = serviceRequestId,
                ExternalCaseId = issue.Id.ToString(CultureInfo.InvariantCulture),
                UpdateId = UpdateIdPrefix + journal.Id.ToString(CultureInfo.InvariantCulture),
                Status = Map(statusMap, status, name),
                ExternalStatus = name ?? status.ToString(CultureInfo.InvariantCulture),
                StatusNotes = notes,
                ChangedAt = journal.CreatedOn,
            };
        }
    }

    /// <summary>Our extended status for a Redmine status: the map's entry for its name (ignoring case), else for its id.</summary>
    public static string? Map(IReadOnlyDictionary<string, string>? statusMap, int statusId, string? statusName)
    {
        if (statusMap is null) return null;
        foreach (var (key, value) in statusMap)
            if (statusName is not null && string.Equals(key.Trim(), statusName.Trim(), StringComparison.OrdinalIgnoreCase)) return value;
        return statusMap.TryGetValue(statusId.ToString(CultureInfo.InvariantCulture), out var byId) ? byId : null;
    }

    private static string? PublicNotes(RedmineJournal journal) =>
        journal.PrivateNotes || string.IsNullOrWhiteSpace(journal.Notes) || journal.Notes.StartsWith(RedmineIssueText.FollowUpPrefix, StringComparison.Ordinal)
            ? null
            : journal.Notes.Trim();
}
