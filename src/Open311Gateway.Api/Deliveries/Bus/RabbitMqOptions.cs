namespace Open311Gateway.Api.Deliveries.Bus;

/// <summary>The broker (section <c>RabbitMq</c>); defaults match deploy/local/services.sh.</summary>
public sealed class RabbitMqOptions
{
    public const string Section = "RabbitMq";

    public string Host { get; set; } = "127.0.0.1";
    public ushort Port { get; set; } = 5672;
    public string VirtualHost { get; set; } = "/";
    public string Username { get; set; } = "guest";
    public string Password { get; set; } = "guest";
}
