using System.Collections.Concurrent;

namespace Open311Gateway.Bench.Receivers;

/// <summary>When each report first reached the back office, by our service_request_id; repeats keep the first time.</summary>
public sealed class ArrivalLog
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _first = new();

    public void Arrived(string serviceRequestId) => _first.TryAdd(serviceRequestId, DateTimeOffset.UtcNow);

    public bool TryGet(string serviceRequestId, out DateTimeOffset at) => _first.TryGetValue(serviceRequestId, out at);

    public int Count => _first.Count;
}
