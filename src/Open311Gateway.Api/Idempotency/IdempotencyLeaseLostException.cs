namespace Open311Gateway.Api.Idempotency;

/// <summary>
/// This POST ran past its lease and another process took the key over: its work must not commit, so the answer is
/// stored in the report's transaction and this exception rolls that transaction back.
/// </summary>
public sealed class IdempotencyLeaseLostException() : Exception("The Idempotency-Key's lease ran out and another request took it over.");
