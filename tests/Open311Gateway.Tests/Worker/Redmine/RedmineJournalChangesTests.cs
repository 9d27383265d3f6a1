using Open311Gateway.Worker.Adapters.Redmine;

namespace Open311Gateway.Tests.Worker.Redmine;

/// <summary>Journals as status changes: status changes and public notes travel, private notes never do.</summary>
public class RedmineJournalChangesTests
{
    private static readonly IReadOnlyDictionary<int, string> Names = RedmineJson.Statuses(RedmineSamples.Statuses);

    private static List<Open311Gateway.Contracts.StatusPolls.BackOfficeStatusChange> Changes(int statusNow, params string[] journals)
    {
        var issue = RedmineJson.SingleIssue($$"""{"issue":{{RedmineSamples.Issue(501, statusId: statusNow, journals: "[" + string.Join(",", journals) + "]")}}}""");
        return RedmineJournalChanges.From(issue, "4711", Names, RedmineSamples.StatusMap).ToList();
    }

    [Fact]
    public void A_status_change_with_a_public_note_is_one_change_with_the_mapped_status_and_the_note()
    {
        var change = Assert.Single(Changes(2, RedmineSamples.Journal(31, "Wir kümmern uns.", status: (1, 2), createdOn: "2026-12-01T09:15:00Z")));

        Assert.Equal("redmine-journal-31", change.UpdateId);
        Assert.Equal("4711", change.ServiceRequestId);
        Assert.Equal("501", change.ExternalCaseId);
        Assert.Equal("IN_PROGRESS", change.Status);
        Assert.Equal("In Progress", change.ExternalStatus);
        Assert.Equal("Wir kümmern uns.", change.StatusNotes);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 15, 0, TimeSpan.Zero), change.ChangedAt);
    }

    [Fact]
    public void A_public_note_without_a_status_change_carries_the_status_the_issue_had_then()
    {
        var changes = Changes(3,
            RedmineSamples.Journal(31, status: (1, 2)),
            RedmineSamples.Journal(32, "Material ist bestellt."),
            RedmineSamples.Journal(33, status: (2, 3)));

        Assert.Equal(["redmine-journal-31", "redmine-journal-32", "redmine-journal-33"], changes.Select(c => c.UpdateId));
        Assert.Equal(["IN_PROGRESS", "IN_PROGRESS", "FIXED"], changes.Select(c => c.Status));
        Assert.Equal([null, "Material ist bestellt.", null], changes.Select(c => c.StatusNotes));
    }

    [Fact]
    public void A_journal_with_only_a_private_note_is_no_change()
    {
        Assert.Empty(Changes(1, RedmineSamples.Journal(40, "intern: Bauhof anrufen, Herr Meier ist krank", privateNotes: true)));
    }

    [Fact]
    public void A_status_change_with_a_private_note_is_the_status_change_without_the_note()
    {
        var change = Assert.Single(Changes(5, RedmineSamples.Journal(41, "intern: Kosten 340 EUR", privateNotes: true, status: (1, 5))));

        Assert.Equal("CLOSED", change.Status);
        Assert.Null(change.StatusNotes);
    }

    [Fact]
    public void The_gateways_own_follow_up_notes_and_journals_without_notes_or_status_change_are_no_changes()
    {
        var changes = Changes(1,
            RedmineSamples.Journal(50, "Nachtrag über Open311 Nr. u-1 zu Meldung musterstadt.de/4711:\n\nEs ist schlimmer geworden."),
            RedmineSamples.Journal(51, ""),
            RedmineSamples.Journal(52));

        Assert.Empty(changes);
    }

    [Fact]
    public void A_status_the_map_does_not_name_travels_with_its_name_and_no_status_of_ours()
    {
        var change = Assert.Single(Changes(4, RedmineSamples.Journal(60, "Bitte Foto nachreichen.", status: (1, 4))));

        Assert.Null(change.Status);
        Assert.Equal("Feedback", change.ExternalStatus);
        Assert.Equal("Bitte Foto nachreichen.", change.StatusNotes);
    }

    [Theory]
    [InlineData(2, "In Progress", "IN_PROGRESS")] // by name
    [InlineData(3, "Resolved", "FIXED")]          // by name, ignoring case
    [InlineData(5, "Geschlossen", "CLOSED")]      // by id, whatever the instance calls it
    [InlineData(6, "Rejected", null)]
    public void The_status_map_is_read_by_name_ignoring_case_then_by_id(int id, string name, string? expected)
    {
        Assert.Equal(expected, RedmineJournalChanges.Map(RedmineSamples.StatusMap, id, name));
    }
}
