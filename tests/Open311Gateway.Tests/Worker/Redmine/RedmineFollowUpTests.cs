using System.Net;
using Open311Gateway.Contracts;
using Open311Gateway.Worker.Adapters;

namespace Open311Gateway.Tests.Worker.Redmine;

/// <summary>A citizen's follow-up becomes one public note on the report's issue; Redmine's status stays the clerk's.</summary>
public class RedmineFollowUpTests
{
    private static string IssueWithJournals(params string[] journals) => $$"""{"issue":{{RedmineSamples.Issue(501, journals: "[" + string.Join(",", journals) + "]")}}}""";

    private static RedmineStub Redmine(string? issue = null, HttpStatusCode putStatus = HttpStatusCode.NoContent) =>
        new RedmineStub()
            .On(HttpMethod.Get, "issues/501.json?include=journals", HttpStatusCode.OK, issue ?? IssueWithJournals())
            .On(HttpMethod.Put, "issues/501.json", putStatus);

    private static async Task<AdapterResult> Forward(RedmineStub redmine, CitizenUpdateSubmitted? message = null)
    {
        await using var provider = RedmineTestServices.Create(redmine);
        return await RedmineTestServices.Adapter(provider).ForwardCitizenUpdateAsync(message ?? RedmineSamples.FollowUp(), AttemptContext.First, CancellationToken.None);
    }

    [Fact]
    public async Task A_follow_up_is_a_note_on_the_issue_with_the_citizens_text_and_the_requested_status_named_not_set()
    {
        var redmine = Redmine();

        var result = await Forward(redmine);

        Assert.Equal(DeliveryOutcome.Delivered, result.Outcome);
        Assert.Equal("501", result.ExternalCaseId);
        var put = Assert.Single(redmine.CallsTo(HttpMethod.Put, "issues/501.json"));
        Assert.Equal(RedmineSamples.ApiKey, put.Header("X-Redmine-API-Key"));
        var issue = put.Json.GetProperty("issue");
        Assert.Equal(["notes"], issue.EnumerateObject().Select(p => p.Name)); // no status_id, no private_notes
        Assert.Equal("""
            Nachtrag über Open311 Nr. u-123 zu Meldung musterstadt.de/4711:

            Das Loch ist wieder da, größer als vorher.

            * Gewünschter Status: REOPEN (in Redmine nicht geändert; bitte prüfen)
            * Foto: https://media.example/c.jpg
            * Name: Jürgen Größe-Müller
            * E-Mail: jürgen.größe@example.de
            * Eingegangen: 2026-07-02 18:05:09 +02:00

            """.ReplaceLineEndings("\n"), issue.GetProperty("notes").GetString());
    }

    [Fact]
    public async Task A_follow_up_whose_note_the_issue_has_already_is_delivered_without_a_second_note()
    {
        var redmine = Redmine(IssueWithJournals(
            RedmineSamples.Journal(90, "Nachtrag über Open311 Nr. u-123 zu Meldung musterstadt.de/4711:\n\nDas Loch ist wieder da.")));

        var result = await Forward(redmine);

        Assert.Equal(DeliveryOutcome.Delivered, result.Outcome);
        Assert.Empty(redmine.CallsTo(HttpMethod.Put, "issues/501.json"));
    }

    [Fact]
    public async Task A_follow_up_without_a_case_id_yet_finds_the_issue_by_our_id()
    {
        var redmine = Redmine().On(HttpMethod.Get, "issues.json?", HttpStatusCode.OK, RedmineSamples.IssueList(RedmineSamples.Issue(501)));

        var result = await Forward(redmine, RedmineSamples.FollowUp() with { ExternalCaseId = null });

        Assert.Equal(DeliveryOutcome.Delivered, result.Outcome);
        Assert.Equal("501", result.ExternalCaseId);
        Assert.Single(redmine.CallsTo(HttpMethod.Put, "issues/501.json"));
    }

    [Fact]
    public async Task A_follow_up_for_a_report_Redmine_has_no_issue_for_yet_fails_to_be_tried_again_later()
    {
        var redmine = Redmine().On(HttpMethod.Get, "issues.json?", HttpStatusCode.OK, RedmineSamples.IssueList());

        var result = await Forward(redmine, RedmineSamples.FollowUp() with { ExternalCaseId = null });

        Assert.Equal(DeliveryOutcome.Failed, result.Outcome);
        Assert.Contains("musterstadt.de/4711", result.Detail);
        Assert.Empty(redmine.CallsTo(HttpMethod.Put, ""));
    }

    [Fact]
    public async Task A_follow_up_for_a_deleted_issue_is_rejected()
    {
        var redmine = new RedmineStub().On(HttpMethod.Get, "issues/501.json", HttpStatusCode.NotFound);

        var result = await Forward(redmine);

        Assert.Equal(DeliveryOutcome.Rejected, result.Outcome);
        Assert.Contains("#501", result.Detail);
    }

    [Theory]
    [InlineData(HttpStatusCode.UnprocessableEntity, DeliveryOutcome.Rejected)]
    [InlineData(HttpStatusCode.Forbidden, DeliveryOutcome.Failed)]
    [InlineData(HttpStatusCode.BadGateway, DeliveryOutcome.Failed)]
    public async Task A_note_Redmine_does_not_take_is_rejected_on_validation_errors_and_failed_otherwise(HttpStatusCode status, DeliveryOutcome outcome)
    {
        var result = await Forward(Redmine(putStatus: status));

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal((int)status, result.HttpStatus);
    }
}
