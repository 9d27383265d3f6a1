using MassTransit;
using Microsoft.Extensions.Options;
using Open311Gateway.Contracts;

namespace Open311Gateway.Api.Deliveries;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>The outbox, its dispatcher and retry scheduler, and the bus that carries reports to workers.</summary>
    public static IServiceCollection AddDeliveries(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section);
        services.AddOptions<RabbitMqOptions>().BindConfiguration(RabbitMqOptions.Section);
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<DeliveryPlanner>();
        services.AddScoped<OutboxDispatcher>();
        services.AddScoped<RetryScheduler>();
        services.AddScoped<DeliveryOutcomeRecorder>();
        services.AddScoped<DeliveryOperations>();
        if (configuration.GetValue($"{DeliveryOptions.Section}:{nameof(DeliveryOptions.RunDispatcher)}", true))
            services.AddHostedService<DeliveryPump>();

        services.AddMassTransit(bus =>
        {
            bus.AddConsumer<DeliveryAttemptedConsumer>();
            bus.AddConsumer<DeliveryFaultConsumer>();
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var broker = context.GetRequiredService<IOptions<RabbitMqOptions>>().Value;
                rabbit.Host(broker.Host, broker.Port, broker.VirtualHost, host =>
                {
                    host.Username(broker.Username);
                    host.Password(broker.Password);
                });
                rabbit.ReceiveEndpoint(DeliveryQueues.Outcomes, endpoint =>
                {
                    // Outcomes must not be lost while our database blips: retry for a few minutes in memory.
                    endpoint.UseMessageRetry(retry => retry.Intervals(
                        TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5)));
                    endpoint.ConfigureConsumer<DeliveryAttemptedConsumer>(context);
                    endpoint.ConfigureConsumer<DeliveryFaultConsumer>(context);
                });
            });
        });
        return services;
    }
}
