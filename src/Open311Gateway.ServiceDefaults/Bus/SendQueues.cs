using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace Open311Gateway.ServiceDefaults.Bus;

/// <summary>
/// The address to send to a queue by name. With classic queues that is MassTransit's <c>queue:</c> address, which
/// declares the queue (and its exchange) itself, so a message is kept even before its consumer ever ran. MassTransit
/// declares that queue without arguments, and RabbitMQ refuses to redeclare a quorum queue without
/// <c>x-queue-type</c>: with quorum queues the queue and its binding are declared here, once per queue and process,
/// with the arguments the consumer's endpoint uses, and MassTransit only sends to the exchange.
/// </summary>
public sealed class SendQueues(IOptions<RabbitMqOptions> options, ILogger<SendQueues> logger)
{
    private readonly ConcurrentDictionary<string, Uri> _declared = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _lock = new(1, 1);

    public async ValueTask<Uri> AddressAsync(string queue, CancellationToken cancellationToken)
    {
        if (!options.Value.QuorumQueues) return new Uri("queue:" + queue);
        if (_declared.TryGetValue(queue, out var address)) return address;
        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (_declared.TryGetValue(queue, out address)) return address;
            await DeclareAsync(queue, cancellationToken);
            return _declared[queue] = new Uri("exchange:" + queue);
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task DeclareAsync(string queue, CancellationToken cancellationToken)
    {
        var broker = options.Value;
        var factory = new ConnectionFactory
        {
            HostName = broker.Host, Port = broker.Port, VirtualHost = broker.VirtualHost,
            UserName = broker.Username, Password = broker.Password, ClientProvidedName = "open311-gateway-declare",
        };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        // As a MassTransit receive endpoint declares them: a durable fanout exchange named like the queue, bound to it.
        await channel.ExchangeDeclareAsync(queue, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { [Headers.XQueueType] = "quorum" }, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(queue, queue, "", cancellationToken: cancellationToken);
        logger.LogInformation("Quorum queue {Queue} declared", queue);
    }
}
