namespace Open311Gateway.Worker.Adapters.Webhook;

public static class WebhookServiceCollectionExtensions
{
    public static IServiceCollection AddWebhookAdapter(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>()
            .BindConfiguration(WebhookOptions.Section)
            .Validate(o => o.TimeoutSeconds > 0, $"{WebhookOptions.Section}:TimeoutSeconds must be positive.")
            .ValidateOnStart();
        // The timeout bounds each exchange as a whole (BoundedHttp), answer body included; HttpClient's own would not.
        services.AddHttpClient<WebhookClient>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            // A redirected POST would arrive as a GET without its body: report the 3xx instead.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddTransient<IBackOfficeAdapter, WebhookAdapter>();
        return services;
    }
}
