using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Features.Requests;

namespace Open311Gateway.Api.Moderation;

/// <summary>
/// Releases a report to the public or hides it from the public (ADR 15), for the back-office API and the operator
/// commands. Either changes what the public sees, so it moves <c>public_changed_at</c> to the gateway's clock and
/// an incremental sync finds the report; doing it again changes nothing.
/// </summary>
public sealed class ReportModeration(GatewayDbContext db, TimeProvider clock)
{
    /// <param name="jurisdictionId">The caller's jurisdiction (a back office's key); null: any (an operator).</param>
    public Task<ModerationOutcome> ReleaseAsync(long requestId, string? jurisdictionId, CancellationToken cancellationToken) =>
        MoveAsync(requestId, jurisdictionId, ModerationStates.Published, cancellationToken);

    /// <inheritdoc cref="ReleaseAsync"/>
    public Task<ModerationOutcome> HideAsync(long requestId, string? jurisdictionId, CancellationToken cancellationToken) =>
        MoveAsync(requestId, jurisdictionId, ModerationStates.Hidden, cancellationToken);

    private async Task<ModerationOutcome> MoveAsync(long requestId, string? jurisdictionId, string target, CancellationToken cancellationToken)
    {
        var ofCaller = db.ServiceRequests.Where(r => r.Id == requestId && (jurisdictionId == null || r.JurisdictionId == jurisdictionId));
        // One conditional UPDATE: of two racing calls for the same state, exactly one counts as the change.
        var changed = await ofCaller.Where(r => r.Moderation != target)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.Moderation, target).SetProperty(r => r.PublicChangedAt, clock.GetUtcNow()),
                cancellationToken);
        var now = await ofCaller.AsNoTracking()
            .Select(r => new { r.Moderation, Visible = db.ServiceRequests.VisibleToPublic().Any(v => v.Id == r.Id) })
            .FirstOrDefaultAsync(cancellationToken);
        return now is null ? ModerationOutcome.NotFound : new ModerationOutcome(true, changed == 1, now.Moderation, now.Visible);
    }
}
