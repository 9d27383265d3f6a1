namespace Open311Gateway.Worker.Adapters.Redmine;

public static class RedmineServiceCollectionExtensions
{
    public static IServiceCollection AddRedmineAdapter(this IServiceCollection services)
    {
        // Only the shape is checked: a worker that serves no Redmine jurisdiction needs no key.
        services.AddOptions<RedmineOptions>()
            .BindConfiguration(RedmineOptions.Section)
            .Validate(o => o.TimeoutSeconds > 0, $"{RedmineOptions.Section}:TimeoutSeconds must be positive.")
            .ValidateOnStart();
        // The timeout bounds each exchange as a whole (BoundedHttp), answer body included; HttpClient's own would not.
        services.AddHttpClient<RedmineClient>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            // A redirect (to a login page, say) is reported as what it is, not followed.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddTransient<RedmineAdapter>();
        services.AddTransient<IBackOfficeAdapter>(provider => provider.GetRequiredService<RedmineAdapter>());
        services.AddTransient<IStatusPoller>(provider => provider.GetRequiredService<RedmineAdapter>());
        return services;
    }
}
