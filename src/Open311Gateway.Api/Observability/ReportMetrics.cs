using System.Diagnostics.Metrics;
using Open311Gateway.ServiceDefaults.Telemetry;

namespace Open311Gateway.Api.Observability;

/// <summary><c>open311.reports.accepted</c>: reports stored (with their outbox row), by jurisdiction.</summary>
public sealed class ReportMetrics
{
    private readonly Counter<long> _accepted;

    public ReportMetrics(IMeterFactory meters) =>
        _accepted = meters.Create(GatewayMeters.Api).CreateCounter<long>("open311.reports.accepted", "{report}", "Reports accepted and stored, by jurisdiction.");

    public void Accepted(string jurisdictionId) => _accepted.Add(1, new KeyValuePair<string, object?>("jurisdiction", jurisdictionId));
}
