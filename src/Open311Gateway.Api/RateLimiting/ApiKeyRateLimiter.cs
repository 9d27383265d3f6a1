using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Open311Gateway.Api.Open311;

namespace Open311Gateway.Api.RateLimiting;

/// <summary>
/// The per-key limit of client POSTs (<see cref="RateLimitOptions.PostPerKey"/>). The api_key usually sits in the
/// body, which the middleware must not read (the action reads it, once); so this limit is taken right after the
/// body is read and the key checked, before anything is validated or stored. Partition: the key's id.
/// </summary>
public sealed class ApiKeyRateLimiter : IDisposable
{
    private readonly WindowLimit _limit;
    private readonly RateLimitRejectionLog _log;
    private readonly PartitionedRateLimiter<string>? _limiter;

    public ApiKeyRateLimiter(IOptions<RateLimitOptions> options, RateLimitRejectionLog log)
    {
        _limit = options.Value.PostPerKey;
        _log = log;
        if (!options.Value.Enabled || !_limit.IsOn) return;
        var window = GatewayRateLimiter.WindowOptions(_limit);
        _limiter = PartitionedRateLimiter.Create<string, string>(partition => RateLimitPartition.GetFixedWindowLimiter(partition, _ => window));
    }

    /// <summary>Null when the key may go on; else the 429 to answer (Retry-After is set and the rejection recorded).</summary>
    public Open311Error? Check(string keyId, HttpContext context)
    {
        if (_limiter is null) return null;
        var partition = "key:" + keyId;
        using var lease = _limiter.AttemptAcquire(partition);
        if (lease.IsAcquired) return null;
        var retryAfter = RateLimitAnswer.RetryAfterSeconds(lease, _limit);
        RateLimitAnswer.SetRetryAfter(context.Response, retryAfter);
        _log.Record(new RateLimitTarget(RateLimitPolicies.PostPerKey, partition), context);
        return new Open311Error(StatusCodes.Status429TooManyRequests, RateLimitAnswer.Description(RateLimitPolicies.PostPerKey, _limit, retryAfter));
    }

    public void Dispose() => _limiter?.Dispose();
}
