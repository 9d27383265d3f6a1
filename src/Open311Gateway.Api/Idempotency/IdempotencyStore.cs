using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Open311Gateway.Api.Data;

namespace Open311Gateway.Api.Idempotency;

/// <summary>
/// Keys and their answers in PostgreSQL, so that every API process sees them (ADR 18). A claim is one statement of
/// its own (committed at once, so a parallel repeat sees it); the answer is stored with the POST's own transaction
/// where it has one, so a report and the answer that names it commit together or not at all.
/// </summary>
public sealed class IdempotencyStore(GatewayDbContext db, IOptions<IdempotencyOptions> options, TimeProvider clock)
{
    private TimeSpan Keep => TimeSpan.FromHours(options.Value.KeepHours);
    private TimeSpan Lease => TimeSpan.FromSeconds(options.Value.LeaseSeconds);

    public async Task<IdempotencyClaim> ClaimAsync(long apiClientId, string key, byte[] fingerprint, CancellationToken cancellationToken)
    {
        // Twice at most: a key freed between the claim and the look-up is claimed on the second round.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var now = clock.GetUtcNow();
            var token = Guid.NewGuid();
            // Taken over, besides new keys: an expired row the prune has not reached, and a dead process's claim
            // (no answer, lease run out) for the same request: nothing of that POST was committed.
            var claimed = await db.Database.SqlQuery<Guid>($"""
                INSERT INTO idempotency_keys AS k (api_client_id, key, fingerprint, lease_token, lease_until, created_at, expires_at)
                VALUES ({apiClientId}, {key}, {fingerprint}, {token}, {now + Lease}, {now}, {now + Keep})
                ON CONFLICT (api_client_id, key) DO UPDATE SET
                    fingerprint = EXCLUDED.fingerprint, lease_token = EXCLUDED.lease_token, lease_until = EXCLUDED.lease_until,
                    created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at,
                    response_status = NULL, response_content_type = NULL, response_body = NULL
                WHERE k.expires_at <= {now}
                   OR (k.response_status IS NULL AND k.lease_until <= {now} AND k.fingerprint = EXCLUDED.fingerprint)
                RETURNING k.lease_token AS "Value"
                """).ToListAsync(cancellationToken);
            if (claimed.Count == 1) return new(IdempotencyVerdict.Claimed, new IdempotencyLease(apiClientId, key, token));

            var existing = await db.IdempotencyKeys.AsNoTracking()
                .FirstOrDefaultAsync(r => r.ApiClientId == apiClientId && r.Key == key, cancellationToken);
            if (existing is null) continue;
            if (!existing.Fingerprint.AsSpan().SequenceEqual(fingerprint)) return new(IdempotencyVerdict.Mismatch);
            return existing.ResponseStatus is null ? new(IdempotencyVerdict.InFlight) : new(IdempotencyVerdict.Replay, Stored: existing);
        }
        return new(IdempotencyVerdict.InFlight);
    }

    /// <summary>Stores the answer; inside the POST's transaction when there is one. Throws when the lease was lost.</summary>
    public async Task CompleteAsync(IdempotencyLease lease, int status, string contentType, byte[] body, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var updated = await db.Database.ExecuteSqlAsync($"""
            UPDATE idempotency_keys SET response_status = {status}, response_content_type = {contentType}, response_body = {body},
                lease_until = NULL, expires_at = {now + Keep}
            WHERE api_client_id = {lease.ApiClientId} AND key = {lease.Key} AND lease_token = {lease.Token}
            """, cancellationToken);
        if (updated != 1) throw new IdempotencyLeaseLostException();
        lease.Completed = true;
    }

    /// <summary>Frees the key after an answer that is not kept (4xx, 5xx): the client may send the request again.</summary>
    public Task ReleaseAsync(IdempotencyLease lease, CancellationToken cancellationToken) => db.Database.ExecuteSqlAsync($"""
        DELETE FROM idempotency_keys
        WHERE api_client_id = {lease.ApiClientId} AND key = {lease.Key} AND lease_token = {lease.Token} AND response_status IS NULL
        """, cancellationToken);

    /// <summary>Deletes expired keys; run by the hourly retention job. Returns how many.</summary>
    public Task<int> PruneAsync(CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"DELETE FROM idempotency_keys WHERE expires_at <= {clock.GetUtcNow()}", cancellationToken);
}
