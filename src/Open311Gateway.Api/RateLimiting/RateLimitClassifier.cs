using Microsoft.Extensions.Options;
using Open311Gateway.Api.ApiKeys;
using Open311Gateway.Api.BackOffice;
using Open311Gateway.Api.Open311;

namespace Open311Gateway.Api.RateLimiting;

/// <summary>
/// Picks the limit the rate-limiting middleware applies to a request, from its method, path and headers only: it
/// runs before the body is read and must stay cheap (no database, no body). The per-key limit of client POSTs
/// needs the body's api_key, so <see cref="ApiKeyRateLimiter"/> applies it where the body is read.
/// </summary>
public sealed class RateLimitClassifier(IOptions<RateLimitOptions> options, IOptions<Open311Options> open311)
{
    private static readonly PathString Health = new("/health");
    private static readonly PathString BackOffice = new("/backoffice");
    private static readonly PathString StatusLinks = new("/status-links");
    private readonly PathString _open311 = new(open311.Value.BasePath.TrimEnd('/'));
    private readonly RateLimitOptions _limits = options.Value;

    public RateLimitTarget TargetOf(HttpContext context)
    {
        var path = context.Request.Path;
        // Probes ask every few seconds from the cluster's own addresses; throttling them would take replicas out.
        if (path.StartsWithSegments(Health)) return RateLimitTarget.None;
        if (path.StartsWithSegments(BackOffice))
            return On(_limits.BackOfficePerKey, RateLimitPolicies.BackOfficePerKey, context, KeyPartitionOf(BearerToken.From(context.Request)));
        if (path.StartsWithSegments(StatusLinks))
            return On(_limits.StatusLinksPerAddress, RateLimitPolicies.StatusLinksPerAddress, context);
        if (HttpMethods.IsPost(context.Request.Method) && path.StartsWithSegments(_open311))
            return On(_limits.PostPerAddress, RateLimitPolicies.PostPerAddress, context);
        return On(_limits.GetPerAddress, RateLimitPolicies.GetPerAddress, context);
    }

    /// <summary>The key's id, which names it in listings and logs; the secret part never leaves <see cref="ApiKey"/>.</summary>
    public static string? KeyPartitionOf(string? presentedKey) => ApiKey.TryParse(presentedKey, out var key) ? "key:" + key.KeyId : null;

    public WindowLimit LimitOf(string policy) => policy switch
    {
        RateLimitPolicies.PostPerKey => _limits.PostPerKey,
        RateLimitPolicies.PostPerAddress => _limits.PostPerAddress,
        RateLimitPolicies.BackOfficePerKey => _limits.BackOfficePerKey,
        RateLimitPolicies.StatusLinksPerAddress => _limits.StatusLinksPerAddress,
        _ => _limits.GetPerAddress,
    };

    private RateLimitTarget On(WindowLimit limit, string policy, HttpContext context, string? partition = null) =>
        _limits.Enabled && limit.IsOn ? new(policy, partition ?? ClientAddress.PartitionOf(context)) : RateLimitTarget.None;
}
