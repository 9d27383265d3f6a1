using System.Globalization;
using System.Threading.RateLimiting;
using Open311Gateway.Api.Open311;

namespace Open311Gateway.Api.RateLimiting;

/// <summary>The 429 a client gets from any limit: <c>Retry-After</c> in seconds and an Open311 error in its format.</summary>
public static class RateLimitAnswer
{
    public static int RetryAfterSeconds(RateLimitLease lease, WindowLimit limit) =>
        RetryAfterSeconds(lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : limit.Window);

    public static int RetryAfterSeconds(TimeSpan retryAfter) => Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));

    public static string Description(string policy, WindowLimit limit, int retryAfterSeconds)
    {
        var who = policy is RateLimitPolicies.PostPerKey or RateLimitPolicies.BackOfficePerKey ? "this key" : "this client address";
        return string.Create(CultureInfo.InvariantCulture,
            $"Too many requests: at most {limit.PermitLimit} per {limit.WindowSeconds} s for {who}. Retry after {retryAfterSeconds} s.");
    }

    public static void SetRetryAfter(HttpResponse response, int seconds) =>
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);

    public static Task WriteAsync(HttpContext context, string policy, WindowLimit limit, int retryAfterSeconds)
    {
        SetRetryAfter(context.Response, retryAfterSeconds);
        var format = context.Items[typeof(Open311Format)] as Open311Format? ?? Open311Formats.FromPath(context.Request.Path);
        return Open311Response.WriteErrorsAsync(context.Response, format, StatusCodes.Status429TooManyRequests,
            Description(policy, limit, retryAfterSeconds));
    }
}
