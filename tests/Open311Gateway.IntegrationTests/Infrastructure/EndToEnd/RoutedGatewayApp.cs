using System.Globalization;
using Open311Gateway.Api.Data;

namespace Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;

/// <summary>
/// The API whose test jurisdiction forwards to a back office through a given broker, with retry
/// delays shrunk from minutes to fractions of a second.
/// </summary>
public sealed class RoutedGatewayApp(
    BrokerAddress broker, TestRoute route, bool runDispatcher = true, IEnumerable<KeyValuePair<string, string?>>? settings = null,
    TestDatabase? database = null) : GatewayApp(database)
{
    public RoutedGatewayApp(BrokerAddress broker, string webhookUrl, bool runDispatcher = true)
        : this(broker, TestRoute.Webhook(webhookUrl), runDispatcher)
    {
    }

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("RabbitMq:Host", broker.Host),
        new("RabbitMq:Port", broker.Port.ToString(CultureInfo.InvariantCulture)),
        new("RabbitMq:VirtualHost", broker.VirtualHost),
        new("Delivery:PollIntervalSeconds", "0.2"),
        new("Delivery:SendTimeoutSeconds", "2"),
        new("Delivery:RetryBaseDelaySeconds", "0.5"),
        new("Delivery:RetryMaxDelaySeconds", "2"),
        new("Delivery:MaxAttempts", "30"),
        new("Delivery:RunDispatcher", runDispatcher ? "true" : "false"),
        .. settings ?? [],
    ];

    protected override Task SeedMoreAsync(GatewayDbContext db) => route.ApplyAsync(db);
}
