using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Deliveries;
using Open311Gateway.Api.Deliveries.Outbox;
using Open311Gateway.Contracts;
using Open311Gateway.Contracts.Adapters;
using Open311Gateway.Contracts.StatusPolls;

namespace Open311Gateway.Api.StatusPolls;

/// <summary>
/// Sends each due route's poll to its jurisdiction's worker through the outbox. A route is claimed (<c>FOR UPDATE
/// SKIP LOCKED</c>, then a lease in <see cref="StatusPoll.ClaimedUntil"/>) so that several API processes never poll
/// it at once; the claim ends with the worker's answer or, if that is lost, with the lease.
/// </summary>
public sealed class StatusPollScheduler(GatewayDbContext db, OutboxWriter outbox, IOptions<DeliveryOptions> options, TimeProvider clock)
{
    /// <summary>Sends the polls that are due; returns how many.</summary>
    public async Task<int> ScheduleDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await db.StatusPolls
            .FromSql($"""
                SELECT * FROM status_polls
                WHERE is_active AND next_poll_at <= {now} AND (claimed_until IS NULL OR claimed_until <= {now})
                ORDER BY next_poll_at LIMIT {options.Value.BatchSize} FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);
        foreach (var poll in due)
        {
            var lease = TimeSpan.FromSeconds(Math.Max(poll.IntervalSeconds, options.Value.StatusPollLeaseSeconds));
            poll.OutstandingPollId = Guid.CreateVersion7();
            poll.ClaimedUntil = now + lease;
            poll.NextPollAt = now + TimeSpan.FromSeconds(poll.IntervalSeconds);
            outbox.Add(new StatusPollRequested
            {
                PollId = poll.OutstandingPollId.Value,
                Route = poll.Route,
                Cursor = poll.Cursor,
                RequestedAt = now,
                ExpiresAt = now + lease,
                Cases = AdapterKinds.Find(poll.Route.Adapter) is { PollsByCase: true } ? await CasesAsync(poll, cancellationToken) : [],
            }, poll.JurisdictionId);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due.Count;
    }

    // The open reports this route's back office has a case id for, those unchanged longest first. Matched on the stored
    // route's adapter and endpoint too: after a switch, reports that went to the old back office are not asked of the new one.
    private async Task<IReadOnlyList<PolledCase>> CasesAsync(StatusPoll poll, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQuery<CaseRow>($"""
            SELECT r.id AS request_id, r.external_case_id
            FROM deliveries d JOIN service_requests r ON r.id = d.service_request_id
            WHERE d.route_key = {poll.RouteKey} AND d.kind = {DeliveryKinds.Request} AND d.state = {DeliveryStates.Delivered}
              AND d.route ->> 'adapter' = {poll.Route.Adapter} AND d.route ->> 'endpoint' = {poll.Route.Endpoint}
              AND r.jurisdiction_id = {poll.JurisdictionId} AND r.status = 'open' AND r.external_case_id IS NOT NULL
            ORDER BY r.updated_at
            LIMIT {options.Value.StatusPollMaxCases}
            """).ToListAsync(cancellationToken);
        return rows.Select(r => new PolledCase
        {
            ServiceRequestId = r.RequestId.ToString(CultureInfo.InvariantCulture),
            ExternalCaseId = r.ExternalCaseId,
        }).ToList();
    }

    private sealed record CaseRow(long RequestId, string ExternalCaseId);
}
