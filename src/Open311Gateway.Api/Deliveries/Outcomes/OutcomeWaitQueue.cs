using MassTransit;
using Microsoft.Extensions.Options;
using Open311Gateway.Contracts;
using Open311Gateway.ServiceDefaults.Bus;
using RabbitMQ.Client;

namespace Open311Gateway.Api.Deliveries.Outcomes;

/// <summary>
/// Where an outcome waits out a database outage: a queue nobody consumes, whose messages expire after
/// <see cref="DeliveryOptions.OutcomeWaitSeconds"/> and are dead-lettered straight back into the outcome queue.
/// Debian's RabbitMQ has no delayed-message plug-in; TTL and dead-lettering are core RabbitMQ, so an outcome
/// circles for as long as the outage lasts instead of ending in an error queue that nothing reads.
/// MassTransit cannot declare a queue with these arguments, so this talks to RabbitMQ with its own client.
/// </summary>
public sealed class OutcomeWaitQueue(IOptions<RabbitMqOptions> broker, IOptions<DeliveryOptions> delivery, ILogger<OutcomeWaitQueue> logger)
    : IAsyncDisposable
{
    public const string Name = DeliveryQueues.Outcomes + "-wait";

    private readonly SemaphoreSlim _lock = new(1, 1);
    private IConnection? _connection;
    private IChannel? _channel;

    /// <summary>Puts the received message's exact bytes into the wait queue, with the broker's confirm.</summary>
    public async Task ParkAsync(ReceiveContext received, CancellationToken cancellationToken)
    {
        var body = received.GetBody();
        var properties = new BasicProperties
        {
            ContentType = received.ContentType?.ToString(),
            Persistent = true,
            MessageId = received.GetMessageId()?.ToString(),
        };
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var channel = await ChannelAsync(cancellationToken);
            await channel.BasicPublishAsync("", Name, mandatory: true, properties, body, cancellationToken);
        }
        catch
        {
            // A broken connection is rebuilt on the next call; the message itself stays unacknowledged and comes back.
            await CloseAsync();
            throw;
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task<IChannel> ChannelAsync(CancellationToken cancellationToken)
    {
        if (_channel is { IsOpen: true }) return _channel;
        await CloseAsync();
        var settings = broker.Value;
        var factory = new ConnectionFactory
        {
            HostName = settings.Host, Port = settings.Port, VirtualHost = settings.VirtualHost,
            UserName = settings.Username, Password = settings.Password, ClientProvidedName = "open311-gateway-outcome-wait",
        };
        _connection = await factory.CreateConnectionAsync(cancellationToken);
        _channel = await _connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        var arguments = new Dictionary<string, object?>
        {
            ["x-message-ttl"] = (int)TimeSpan.FromSeconds(delivery.Value.OutcomeWaitSeconds).TotalMilliseconds,
            ["x-dead-letter-exchange"] = "",
            ["x-dead-letter-routing-key"] = DeliveryQueues.Outcomes,
        };
        // Quorum queues know message TTL and dead-lettering too (RabbitMQ 3.10 and later).
        if (settings.QuorumQueues) arguments[RabbitMQ.Client.Headers.XQueueType] = "quorum";
        await _channel.QueueDeclareAsync(Name, durable: true, exclusive: false, autoDelete: false, arguments: arguments, cancellationToken: cancellationToken);
        logger.LogInformation("Outcome wait queue {Queue} ready ({Seconds} s before an outcome is tried again)", Name, delivery.Value.OutcomeWaitSeconds);
        return _channel;
    }

    private async Task CloseAsync()
    {
        if (_channel is not null) await _channel.DisposeAsync();
        if (_connection is not null) await _connection.DisposeAsync();
        _channel = null;
        _connection = null;
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        _lock.Dispose();
    }
}
