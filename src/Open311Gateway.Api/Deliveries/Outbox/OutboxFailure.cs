namespace Open311Gateway.Api.Deliveries.Outbox;

/// <summary>Why one outbox row was not sent.</summary>
/// <param name="OfTheRow">
/// The row itself is at fault (its type is unknown, its payload unreadable): no broker can ever take it. Otherwise the
/// send failed, which in a broker outage befalls every row alike and must never park one.
/// </param>
public sealed record OutboxFailure(Exception Error, bool OfTheRow);
