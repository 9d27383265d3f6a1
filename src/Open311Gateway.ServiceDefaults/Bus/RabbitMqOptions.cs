namespace Open311Gateway.ServiceDefaults.Bus;

/// <summary>The broker, for the API and the worker alike (section <c>RabbitMq</c>); defaults match deploy/local/services.sh.</summary>
public sealed class RabbitMqOptions
{
    public const string Section = "RabbitMq";

    /// <summary>Broker host name or address.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>AMQP port.</summary>
    public int Port { get; set; } = 5672;

    public string VirtualHost { get; set; } = "/";

    public string Username { get; set; } = "guest";

    public string Password { get; set; } = "guest";

    /// <summary>
    /// Declare every durable queue of the gateway as a quorum queue (replicated across a RabbitMQ cluster's nodes)
    /// instead of a classic one. RabbitMQ cannot change the type of an existing queue: switching a broker that already
    /// has the gateway's queues needs them drained and deleted (or migrated) first (ADR 19).
    /// </summary>
    public bool QuorumQueues { get; set; }
}
