using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Open311Gateway.ServiceDefaults.Bus;

/// <summary>MassTransit on RabbitMQ as the API and the worker both run it; each brings its consumers and receive endpoints.</summary>
public static class GatewayRabbitMq
{
    public static IServiceCollection AddGatewayRabbitMq(this IServiceCollection services,
        Action<IBusRegistrationConfigurator> addConsumers, Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator> receiveEndpoints)
    {
        services.AddOptions<RabbitMqOptions>()
            .BindConfiguration(RabbitMqOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Host), "RabbitMq:Host is empty: name the broker (for example RabbitMq__Host=rabbitmq).")
            .Validate(o => o.Port is > 0 and <= ushort.MaxValue, "RabbitMq:Port must be between 1 and 65535.")
            .Validate(o => !string.IsNullOrEmpty(o.VirtualHost), "RabbitMq:VirtualHost is empty: the default virtual host is \"/\".")
            .ValidateOnStart();
        services.TryAddSingleton<SendQueues>();
        services.AddMassTransit(bus =>
        {
            // Usage telemetry would send host, bus and queue names (which name the municipalities) to a third party.
            bus.DisableUsageTelemetry();
            addConsumers(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var broker = context.GetRequiredService<IOptions<RabbitMqOptions>>().Value;
                rabbit.Host(broker.Host, (ushort)broker.Port, broker.VirtualHost, host =>
                {
                    host.Username(broker.Username);
                    host.Password(broker.Password);
                });
                receiveEndpoints(context, rabbit);
            });
        });
        return services;
    }

    /// <summary>
    /// The queue type of <see cref="RabbitMqOptions.QuorumQueues"/> for a receive endpoint's queue; its error and
    /// skipped queues copy the queue's arguments and so get the same type. Every receive endpoint calls this.
    /// </summary>
    public static void UseGatewayQueueType(this IReceiveEndpointConfigurator endpoint, IRegistrationContext context)
    {
        if (context.GetService<IOptions<RabbitMqOptions>>()?.Value.QuorumQueues == true && endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
            rabbit.SetQuorumQueue();
    }
}
