using System.Globalization;
using Open311Gateway.Api.Data;

namespace Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;

/// <summary>
/// The API whose test jurisdiction forwards to a back office through a given broker, with retry
/// delays shrunk from minutes to fractions of a second.
/// </summary>
public sealed class RoutedGatewayApp(BrokerAddress broker, string backOfficeUrl, bool runDispatcher = true) : GatewayApp
{
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
    ];

    protected override async Task SeedMoreAsync(GatewayDbContext db)
    {
        var jurisdiction = await db.Jurisdictions.FindAsync(TestCatalog.Jurisdiction);
        jurisdiction!.DeliveryAdapter = "webhook";
        jurisdiction.DeliveryEndpoint = backOfficeUrl;
        await db.SaveChangesAsync();
    }
}
