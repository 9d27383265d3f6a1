using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Open311Gateway.Api.RateLimiting;

namespace Open311Gateway.IntegrationTests.RateLimiting;

/// <summary>Listens to one host's <c>open311.rate_limit.rejections</c> counter and sums it per <c>policy</c> tag.</summary>
public sealed class RejectionCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _byPolicy = new();

    public RejectionCounter(IServiceProvider host)
    {
        var factory = host.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Meter.Name == RateLimitRejectionLog.MeterName
                && instrument.Name == RateLimitRejectionLog.CounterName)
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag.Key == "policy") _byPolicy.AddOrUpdate((string)tag.Value!, value, (_, sum) => sum + value);
        });
        _listener.Start();
    }

    public long Of(string policy) => _byPolicy.GetValueOrDefault(policy);

    public void Dispose() => _listener.Dispose();
}
