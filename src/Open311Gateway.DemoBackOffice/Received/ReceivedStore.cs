using System.Text.Json;

namespace Open311Gateway.DemoBackOffice.Received;

/// <summary>Everything received, in memory only: a demo keeps nothing across restarts.</summary>
public sealed class ReceivedStore(TimeProvider clock)
{
    private readonly Lock _lock = new();
    private readonly List<ReceivedItem> _items = [];
    private int _reports;

    public int Duplicates { get; private set; }

    public IReadOnlyList<ReceivedItem> Items
    {
        get { lock (_lock) return _items.ToList(); }
    }

    /// <summary>Stores a webhook once per idempotency key; a repeat returns the first one and is counted.</summary>
    public (ReceivedItem Item, bool Duplicate) Receive(
        string type, string idempotencyKey, string? deliveryId, string? attempt, JsonElement body)
    {
        lock (_lock)
        {
            if (_items.FirstOrDefault(i => i.IdempotencyKey == idempotencyKey) is { } known)
            {
                known.Duplicates++;
                Duplicates++;
                return (known, true);
            }

            var item = new ReceivedItem(_items.Count + 1, type, idempotencyKey, CaseIdFor(type, body),
                deliveryId, attempt, clock.GetUtcNow(), body.Clone());
            _items.Add(item);
            return (item, false);
        }
    }

    // A report opens a case; a follow-up belongs to its report's case, if we know the report.
    private string? CaseIdFor(string type, JsonElement body)
    {
        if (type == "service_request") return $"DEMO-{++_reports}";
        var reportId = body.TryGetProperty("service_request_id", out var id) ? id.GetString() : null;
        return _items.FirstOrDefault(i => i.Type == "service_request" && i.ServiceRequestId == reportId)?.CaseId;
    }
}
