using Open311Gateway.Api.Deliveries.Operations;
using Open311Gateway.Api.RateLimiting;

namespace Open311Gateway.Api.Operator;

/// <summary>Everything the status page shows, read at one moment.</summary>
/// <param name="RetryWaiting">All deliveries in retry_wait (<see cref="RetryQueue"/> holds only the first of them).</param>
/// <param name="RateLimitRejections">This process's recent rejections, newest first (rate limits are per process).</param>
public sealed record OperatorStatus(
    DateTimeOffset At,
    IReadOnlyList<DeliveryCountRow> Deliveries,
    IReadOnlyList<ProblemDeliveryRow> Failures,
    int RetryWaiting,
    IReadOnlyList<ProblemDeliveryRow> RetryQueue,
    IReadOnlyList<OutboxBacklogRow> Outbox,
    IReadOnlyList<RateLimitRejection> RateLimitRejections,
    IReadOnlyList<HourlyActivityRow> Hours);
