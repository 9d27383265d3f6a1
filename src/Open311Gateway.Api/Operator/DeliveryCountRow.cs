namespace Open311Gateway.Api.Operator;

/// <summary>Deliveries (reports and citizen follow-ups) of one jurisdiction through one adapter, by state.</summary>
/// <param name="Adapter">The adapter kind of the stored route; empty for a delivery without one (planned before routes were stored, or rerouted).</param>
public sealed record DeliveryCountRow(string JurisdictionId, string Adapter, int InFlight, int RetryWait, int Delivered, int Rejected, int Failed);
