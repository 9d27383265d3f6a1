namespace Open311Gateway.Api.RateLimiting;

/// <summary>
/// The last rejections of this process, for the operator status page. Rate limits are per process
/// (each replica limits on its own), so their recent rejections are too; the metric
/// <c>open311.rate_limit.rejections</c> is the fleet-wide view.
/// </summary>
public sealed class RecentRateLimitRejections
{
    public const int Capacity = 200;
    private readonly Lock gate = new();
    private readonly Queue<RateLimitRejection> recent = new();

    public void Record(RateLimitRejection rejection)
    {
        lock (gate)
        {
            if (recent.Count == Capacity) recent.Dequeue();
            recent.Enqueue(rejection);
        }
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<RateLimitRejection> Newest()
    {
        lock (gate) return recent.Reverse().ToList();
    }
}
