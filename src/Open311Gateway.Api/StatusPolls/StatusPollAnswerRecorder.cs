using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.BackOffice;
using Open311Gateway.Api.Data;
using Open311Gateway.Contracts.StatusPolls;

namespace Open311Gateway.Api.StatusPolls;

/// <summary>
/// Applies a worker's poll answer: each change through the same intake as a pushed status (idempotent on the back
/// office's update id, out-of-order safe), only to reports of the polled route's jurisdiction, then moves the cursor.
/// Only the answer to the outstanding poll counts; a late answer to an earlier one is dropped, since its changes are
/// read again from the unmoved cursor.
/// </summary>
public sealed class StatusPollAnswerRecorder(
    GatewayDbContext db, BackOfficeStatusIntake intake, TimeProvider clock, ILogger<StatusPollAnswerRecorder> logger)
{
    public async Task RecordAsync(StatusPollAnswered answer, CancellationToken cancellationToken)
    {
        var poll = await db.StatusPolls.FirstOrDefaultAsync(p => p.OutstandingPollId == answer.PollId, cancellationToken);
        if (poll is null)
        {
            logger.LogInformation("Answer to poll {PollId} is not for an outstanding poll; dropped", answer.PollId);
            return;
        }
        var now = clock.GetUtcNow();
        if (answer.Succeeded)
        {
            var applied = 0;
            foreach (var change in answer.Changes)
                if (await ApplyAsync(poll.JurisdictionId, poll.RouteKey, change, now, cancellationToken)) applied++;
            await ResolveCasesAsync(poll.JurisdictionId, answer.ResolvedCases, cancellationToken);
            poll.Cursor = answer.Cursor ?? poll.Cursor;
            poll.LastError = null;
            if (answer.Changes.Count > 0 || answer.ResolvedCases.Count > 0)
                logger.LogInformation("Poll of {Route}: {Changes} changes read, {Applied} new; {Resolved} case ids learnt",
                    poll.RouteKey, answer.Changes.Count, applied, answer.ResolvedCases.Count);
        }
        else
        {
            poll.LastError = answer.Error;
            logger.LogWarning("Poll of {Route} failed: {Error}", poll.RouteKey, answer.Error);
        }
        poll.LastAnsweredAt = now;
        poll.OutstandingPollId = null;
        poll.ClaimedUntil = null;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <returns>True when the change was new.</returns>
    private async Task<bool> ApplyAsync(string jurisdictionId, string routeKey, BackOfficeStatusChange change, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var requestId = await FindReportAsync(jurisdictionId, change, cancellationToken);
        if (requestId is null)
        {
            logger.LogWarning("Poll of {Route}: change {UpdateId} names no report of {Jurisdiction} (ours {Ours}, theirs {Theirs}); skipped",
                routeKey, change.UpdateId, jurisdictionId, change.ServiceRequestId, change.ExternalCaseId);
            return false;
        }
        if (PolledChanges.ToUpdate(change, now) is not { } update)
        {
            logger.LogWarning("Poll of {Route}: change {UpdateId} of report {Id} has status '{External}', which the catalogue's statuses do not map; skipped",
                routeKey, change.UpdateId, requestId, change.ExternalStatus);
            return false;
        }
        var (_, isNew) = await intake.RecordAsync(requestId.Value, jurisdictionId, update, now, cancellationToken);
        return isNew;
    }

    private Task<long?> FindReportAsync(string jurisdictionId, BackOfficeStatusChange change, CancellationToken cancellationToken)
    {
        var reports = db.ServiceRequests.AsNoTracking().Where(r => r.JurisdictionId == jurisdictionId);
        if (long.TryParse(change.ServiceRequestId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            reports = reports.Where(r => r.Id == id);
        else if (!string.IsNullOrEmpty(change.ExternalCaseId))
            reports = reports.Where(r => r.ExternalCaseId == change.ExternalCaseId);
        else
            return Task.FromResult<long?>(null);
        return reports.Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken);
    }

    // An upstream that answered with a token gives its id later; only a report still waiting for one takes it.
    private async Task ResolveCasesAsync(string jurisdictionId, IReadOnlyList<PolledCase> resolved, CancellationToken cancellationToken)
    {
        foreach (var found in resolved)
        {
            if (!long.TryParse(found.ServiceRequestId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) continue;
            await db.ServiceRequests
                .Where(r => r.Id == id && r.JurisdictionId == jurisdictionId && r.ExternalCaseId != null && r.ExternalCaseId.StartsWith(PolledChanges.PendingTokenPrefix))
                .ExecuteUpdateAsync(r => r.SetProperty(x => x.ExternalCaseId, found.ExternalCaseId), cancellationToken);
        }
    }
}
