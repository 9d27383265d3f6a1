namespace Open311Gateway.Api.Deliveries;

/// <summary>How the API host hands reports to workers and retries them (section <c>Delivery</c>).</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>Attempts before a delivery is marked failed (an operator can replay it).</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>Wait after the first failed attempt; doubles with each further failure.</summary>
    public double RetryBaseDelaySeconds { get; set; } = 60;

    /// <summary>Longest wait between two attempts.</summary>
    public double RetryMaxDelaySeconds { get; set; } = 6 * 3600;

    /// <summary>
    /// A delivery in flight this long without an outcome is sent again. Long, because a worker that is
    /// down keeps its messages queued, and each repeat adds one more to its queue.
    /// </summary>
    public double InFlightTimeoutMinutes { get; set; } = 360;

    /// <summary>How often the dispatcher and the retry scheduler look for work when nothing woke them.</summary>
    public double PollIntervalSeconds { get; set; } = 1;

    /// <summary>Outbox rows claimed per round.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How long one send may wait for the broker before the row is left for the next round.</summary>
    public double SendTimeoutSeconds { get; set; } = 10;

    /// <summary>Failures of an outbox row's own (not a broker outage) after which it is parked for an operator.</summary>
    public int OutboxRowFailuresBeforeParking { get; set; } = 5;

    /// <summary>
    /// The outcome consumer's in-memory retries, in seconds. After the last, an outcome that meets a database outage
    /// waits in RabbitMQ (<see cref="OutcomeWaitSeconds"/>) and comes back, for as long as the outage lasts.
    /// </summary>
    public double[]? OutcomeRetryIntervalsSeconds { get; set; }

    public static readonly IReadOnlyList<double> DefaultOutcomeRetryIntervalsSeconds = [1, 5, 15];

    public IReadOnlyList<TimeSpan> OutcomeRetryIntervals =>
        (OutcomeRetryIntervalsSeconds ?? DefaultOutcomeRetryIntervalsSeconds).Select(s => TimeSpan.FromSeconds(s)).ToArray();

    /// <summary>How long an outcome waits in the wait queue before it is tried again while the database is down.</summary>
    public double OutcomeWaitSeconds { get; set; } = 60;

    /// <summary>
    /// How long a sent status poll may go unanswered before the route is polled again (at least its interval): a
    /// worker that is down must not pile polls up in its queue, one per interval.
    /// </summary>
    public double StatusPollLeaseSeconds { get; set; } = 300;

    /// <summary>Most cases one poll asks a back office about (those asked by id, such as an upstream Open311 server).</summary>
    public int StatusPollMaxCases { get; set; } = 500;

    /// <summary>Run the dispatcher and the scheduler in this process (several API replicas may all run them).</summary>
    public bool RunDispatcher { get; set; } = true;

    public TimeSpan DelayAfterFailedAttempt(int attempt)
    {
        var seconds = RetryBaseDelaySeconds * Math.Pow(2, Math.Max(0, attempt - 1));
        return TimeSpan.FromSeconds(Math.Min(seconds, RetryMaxDelaySeconds));
    }
}
