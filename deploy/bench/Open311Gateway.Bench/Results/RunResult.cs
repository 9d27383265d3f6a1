namespace Open311Gateway.Bench.Results;

/// <summary>One steady-rate run: what was offered, what was accepted and delivered, and how long each stage took.</summary>
public sealed record RunResult(
    int TargetRate,
    double AcceptedRate,
    int Sent,
    int Accepted,
    int Delivered,
    Percentiles EndToEnd,
    Percentiles Post,
    Percentiles OutboxWait,
    Percentiles BrokerToBackOffice,
    IReadOnlyDictionary<string, double> CoresBusy)
{
    /// <summary>The gateway kept up: it accepted nearly the offered rate, delivered everything, and p99 stayed under two seconds.</summary>
    public bool Sustained => Accepted >= 0.95 * Sent && AcceptedRate >= 0.95 * TargetRate && Delivered == Accepted && EndToEnd.P99 < 2000;
}
