using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Open311Gateway.Api.RateLimiting;

public static class RateLimitServiceCollectionExtensions
{
    public const int MaxWindowSeconds = 24 * 60 * 60;

    public static IServiceCollection AddGatewayRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .Validate(o => o.All().All(l => l.Limit.PermitLimit >= 0),
                "RateLimits: every PermitLimit must be 0 (that limit off) or more.")
            .Validate(o => o.All().All(l => !l.Limit.IsOn || l.Limit.WindowSeconds is > 0 and <= MaxWindowSeconds),
                $"RateLimits: every WindowSeconds must be between 1 and {MaxWindowSeconds} (a day).")
            .ValidateOnStart();
        services.AddSingleton<RecentRateLimitRejections>();
        services.AddSingleton<RateLimitRejectionLog>();
        services.AddSingleton<RateLimitClassifier>();
        services.AddSingleton<ApiKeyRateLimiter>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<RateLimitClassifier, IOptions<RateLimitOptions>>((limiter, classifier, limits) =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            if (limits.Value.Enabled) limiter.GlobalLimiter = GatewayRateLimiter.Create(classifier);
            limiter.OnRejected = (rejected, _) =>
            {
                var http = rejected.HttpContext;
                var target = classifier.TargetOf(http);
                var limit = classifier.LimitOf(target.Policy);
                http.RequestServices.GetRequiredService<RateLimitRejectionLog>().Record(target, http);
                return new ValueTask(RateLimitAnswer.WriteAsync(http, target.Policy, limit, RateLimitAnswer.RetryAfterSeconds(rejected.Lease, limit)));
            };
        });
        return services;
    }
}
