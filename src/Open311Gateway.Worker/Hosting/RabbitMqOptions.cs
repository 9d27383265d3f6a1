namespace Open311Gateway.Worker.Hosting;

/// <summary>The broker this worker consumes from; configuration section <c>RabbitMq</c>.</summary>
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
    /// Hours a message stays in an error queue (<c>&lt;queue&gt;_error</c>) or skipped queue (<c>&lt;queue&gt;_skipped</c>)
    /// before RabbitMQ drops it (the queue's <c>x-message-ttl</c>). Parked messages may carry personal data
    /// (specs/privacy.md); the delivery itself is recorded in the API's database and can be replayed from there.
    /// </summary>
    public double ErrorQueueMessageTtlHours { get; set; } = 168;

    /// <summary><see cref="ErrorQueueMessageTtlHours"/> as RabbitMQ takes it.</summary>
    public long ErrorQueueMessageTtlMilliseconds => (long)TimeSpan.FromHours(ErrorQueueMessageTtlHours).TotalMilliseconds;
}
