using System.Threading.RateLimiting;

namespace Open311Gateway.Api.RateLimiting;

/// <summary>
/// The rate-limiting middleware's one global limiter: a fixed window per (policy, partition) that
/// <see cref="RateLimitClassifier"/> picks. No queue: a request over the limit is answered 429 at once.
/// Idle windows are dropped by the framework, so a stream of new addresses does not grow memory for long.
/// </summary>
public static class GatewayRateLimiter
{
    public static PartitionedRateLimiter<HttpContext> Create(RateLimitClassifier classifier) =>
        PartitionedRateLimiter.Create<HttpContext, RateLimitTarget>(context =>
        {
            var target = classifier.TargetOf(context);
            if (target.IsNone) return RateLimitPartition.GetNoLimiter(target);
            var window = WindowOptions(classifier.LimitOf(target.Policy));
            return RateLimitPartition.GetFixedWindowLimiter(target, _ => window);
        });

    public static FixedWindowRateLimiterOptions WindowOptions(WindowLimit limit) => new()
    {
        PermitLimit = limit.PermitLimit,
        Window = limit.Window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
