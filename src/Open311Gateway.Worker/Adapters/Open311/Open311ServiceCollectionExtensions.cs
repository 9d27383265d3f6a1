namespace Open311Gateway.Worker.Adapters.Open311;

public static class Open311ServiceCollectionExtensions
{
    public static IServiceCollection AddOpen311Adapter(this IServiceCollection services)
    {
        // Shape only: keys are looked up per jurisdiction when a message needs one, so a worker without any still starts.
        services.AddOptions<Open311UpstreamOptions>()
            .BindConfiguration(Open311UpstreamOptions.Section)
            .Validate(o => o.TimeoutSeconds > 0, $"{Open311UpstreamOptions.Section}:TimeoutSeconds must be positive.")
            .ValidateOnStart();
        // The timeout bounds each exchange as a whole (BoundedHttp), answer body included; HttpClient's own would not.
        services.AddHttpClient<Open311UpstreamClient>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            // A redirected POST would arrive as a GET without its form, and a redirect could lead past the destination check.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddTransient<Open311Adapter>();
        services.AddTransient<IBackOfficeAdapter>(provider => provider.GetRequiredService<Open311Adapter>());
        services.AddTransient<IStatusPoller>(provider => provider.GetRequiredService<Open311Adapter>());
        return services;
    }
}
