using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.StatusPolls;

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

    protected override Task SeedMoreAsync(GatewayDbContext db) => SeedRouteAsync(db, route);

    /// <summary>Gives the test jurisdiction this delivery route (and, where its statuses are pulled, its status poll).</summary>
    public static async Task SeedRouteAsync(GatewayDbContext db, TestRoute route)
    {
        var jurisdiction = await db.Jurisdictions.Include(j => j.Services).SingleAsync(j => j.Id == TestCatalog.Jurisdiction);
        jurisdiction.DeliveryAdapter = route.Adapter;
        jurisdiction.DeliveryEndpoint = route.Endpoint;
        jurisdiction.DeliverySettings = new(route.Settings ?? new Dictionary<string, string>());
        jurisdiction.DeliveryStatuses = new(route.Statuses ?? new Dictionary<string, string>());
        jurisdiction.StatusPollSeconds = route.PollSeconds;
        await db.SaveChangesAsync();
        // As the catalogue importer does: a route whose statuses are pulled gets its status poll.
        await StatusPollRoutes.SyncAsync(db, [jurisdiction], DateTimeOffset.UtcNow, CancellationToken.None);
        await db.SaveChangesAsync();
    }
}
