namespace Open311Gateway.Worker.Hosting;

/// <summary>What this worker consumes and how hard it tries; configuration section <c>Worker</c>.</summary>
public sealed class WorkerOptions
{
    public const string Section = "Worker";

    /// <summary>Default short retry schedule, in seconds.</summary>
    public static readonly IReadOnlyList<double> DefaultShortRetryIntervalsSeconds = [1, 5, 15];

    /// <summary>
    /// Jurisdiction ids whose queues (<c>open311-deliver-&lt;id&gt;</c>) this worker consumes. Required: a worker
    /// that consumes nothing is a configuration mistake.
    /// </summary>
    public List<string> Jurisdictions { get; set; } = [];

    /// <summary>
    /// Pauses between the in-process retries of one attempt, in seconds (fractions allowed). Null means
    /// <see cref="DefaultShortRetryIntervalsSeconds"/>. After the last one the attempt is reported as failed and
    /// the API schedules the next attempt (long retries live in its database, not here).
    /// </summary>
    /// <remarks>No default in the property itself: the configuration binder appends to a pre-filled list.</remarks>
    public double[]? ShortRetryIntervalsSeconds { get; set; }

    /// <summary>Messages RabbitMQ hands this worker ahead of acknowledgement, per queue.</summary>
    public int PrefetchCount { get; set; } = 16;

    /// <summary>The short retry schedule in force.</summary>
    public IReadOnlyList<TimeSpan> ShortRetryIntervals =>
        (ShortRetryIntervalsSeconds ?? DefaultShortRetryIntervalsSeconds).Select(s => TimeSpan.FromSeconds(s)).ToArray();
}
