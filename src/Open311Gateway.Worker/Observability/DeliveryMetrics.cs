using System.Diagnostics.Metrics;
using Open311Gateway.Contracts;
using Open311Gateway.ServiceDefaults.Telemetry;

namespace Open311Gateway.Worker.Observability;

/// <summary><c>open311.deliveries</c>: every attempt's end, by adapter and outcome (delivered, rejected, failed, short_retry).</summary>
public sealed class DeliveryMetrics
{
    public const string ShortRetry = "short_retry";

    private readonly Counter<long> _deliveries;

    public DeliveryMetrics(IMeterFactory meters) =>
        _deliveries = meters.Create(GatewayMeters.Worker).CreateCounter<long>(
            "open311.deliveries", "{attempt}", "Delivery attempts that ended, by adapter and outcome; short_retry: failed, tried again at once.");

    public void Record(string adapter, DeliveryOutcome outcome) => Record(adapter, outcome.ToString().ToLowerInvariant());

    public void RecordShortRetry(string adapter) => Record(adapter, ShortRetry);

    private void Record(string adapter, string outcome) =>
        _deliveries.Add(1, new KeyValuePair<string, object?>("adapter", adapter), new KeyValuePair<string, object?>("outcome", outcome));
}
