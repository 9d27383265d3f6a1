namespace Open311Gateway.Api.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    /// <summary>Erasure (by retention and on request) and the retention job.</summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section)
            .Validate(o => o.RetentionIntervalMinutes > 0 && o.RetentionBatchSize > 0,
                "Privacy: RetentionIntervalMinutes and RetentionBatchSize must be positive.")
            .ValidateOnStart();
        services.AddScoped<PersonalDataEraser>();
        services.AddScoped<RetentionSweep>();
        services.AddScoped<ErasureOnRequest>();
        if (configuration.GetValue($"{PrivacyOptions.Section}:{nameof(PrivacyOptions.RunRetention)}", true))
            services.AddHostedService<RetentionJob>();
        return services;
    }
}
