using System.Diagnostics.Metrics;
using Open311Gateway.ServiceDefaults.Telemetry;

namespace Open311Gateway.Api.RateLimiting;

/// <summary>
/// Where every rejection goes, whichever limit made it: the status page's recent list and the
/// <c>open311.rate_limit.rejections</c> counter (tag <c>policy</c>). Partitions are key ids or addresses, never secrets.
/// </summary>
public sealed class RateLimitRejectionLog(RecentRateLimitRejections recent, IMeterFactory meters, TimeProvider clock)
{
    public const string MeterName = GatewayMeters.Api;
    public const string CounterName = "open311.rate_limit.rejections";

    private readonly Counter<long> _rejections = meters.Create(MeterName)
        .CreateCounter<long>(CounterName, unit: "{request}", description: "Requests answered 429 by a rate limit of this process.");

    public void Record(RateLimitTarget target, HttpContext context)
    {
        recent.Record(new RateLimitRejection(clock.GetUtcNow(), target.Policy, target.Partition, ShownPath(context.Request.Path)));
        _rejections.Add(1, new KeyValuePair<string, object?>("policy", target.Policy));
    }

    private static readonly PathString StatusLinks = new("/status-links");

    // A status link's path holds its token, a capability: the page shows only where the link points.
    private static string ShownPath(PathString path) =>
        path.StartsWithSegments(StatusLinks) ? StatusLinks.Value + "/…" : path.Value ?? "";
}
