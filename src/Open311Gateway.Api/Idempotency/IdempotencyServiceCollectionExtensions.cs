namespace Open311Gateway.Api.Idempotency;

public static class IdempotencyServiceCollectionExtensions
{
    /// <summary>The Idempotency-Key on client apps' POSTs; expired keys are pruned by the retention job.</summary>
    public static IServiceCollection AddIdempotency(this IServiceCollection services)
    {
        services.AddOptions<IdempotencyOptions>().BindConfiguration(IdempotencyOptions.Section)
            .Validate(o => o.KeepHours > 0 && o.LeaseSeconds > 0 && o.LeaseSeconds <= o.KeepHours * 3600,
                "Open311:Idempotency: KeepHours and LeaseSeconds must be positive, and the lease no longer than KeepHours.")
            .ValidateOnStart();
        services.AddScoped<IdempotencyStore>();
        services.AddScoped<IdempotentPosts>();
        return services;
    }
}
