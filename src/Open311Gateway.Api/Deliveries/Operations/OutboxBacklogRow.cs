namespace Open311Gateway.Api.Deliveries.Operations;

/// <summary>The outbox rows not yet sent, of one jurisdiction (the delivery's), or of none (status polls: <see cref="JurisdictionId"/> empty).</summary>
/// <param name="Waiting">Rows the dispatcher will still send.</param>
/// <param name="OldestWaitingSince">When the oldest waiting row was written; null when none waits.</param>
/// <param name="Parked">Rows parked after failing by themselves (<c>list-parked-outbox</c>): the dispatcher skips them until replayed.</param>
public sealed record OutboxBacklogRow(string JurisdictionId, int Waiting, DateTimeOffset? OldestWaitingSince, int Parked);
