namespace Open311Gateway.Api.Caching;

public static class CachingServiceCollectionExtensions
{
    public static IServiceCollection AddGatewayCaching(this IServiceCollection services)
    {
        services.AddOptions<CachingOptions>().BindConfiguration(CachingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<GatewayCache>();
        services.AddHostedService<CacheListener>();
        return services;
    }
}
