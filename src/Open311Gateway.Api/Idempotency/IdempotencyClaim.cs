using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Idempotency;

/// <summary>What a POST's <c>Idempotency-Key</c> found: the key is now ours, or an answer to replay, or a 409 / 422.</summary>
public sealed record IdempotencyClaim(IdempotencyVerdict Verdict, IdempotencyLease? Lease = null, IdempotencyRecord? Stored = null);
