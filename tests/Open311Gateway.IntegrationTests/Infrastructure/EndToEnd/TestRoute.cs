using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.StatusPolls;
using Open311Gateway.Contracts.Adapters;

namespace Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;

/// <summary>The delivery block a test gives the test jurisdiction, as a catalogue's <c>delivery:</c> would.</summary>
public sealed record TestRoute(
    string Adapter,
    string Endpoint,
    IReadOnlyDictionary<string, string>? Settings = null,
    IReadOnlyDictionary<string, string>? Statuses = null,
    int? PollSeconds = null)
{
    public static TestRoute Webhook(string url) => new(AdapterKinds.Webhook, url);

    /// <summary>Gives the seeded test jurisdiction this route, as an import of a catalogue with it would.</summary>
    public async Task ApplyAsync(GatewayDbContext db)
    {
        var jurisdiction = await db.Jurisdictions.Include(j => j.Services).SingleAsync(j => j.Id == TestCatalog.Jurisdiction);
        jurisdiction.DeliveryAdapter = Adapter;
        jurisdiction.DeliveryEndpoint = Endpoint;
        jurisdiction.DeliverySettings = new(Settings ?? new Dictionary<string, string>());
        jurisdiction.DeliveryStatuses = new(Statuses ?? new Dictionary<string, string>());
        jurisdiction.StatusPollSeconds = PollSeconds;
        await db.SaveChangesAsync();
        // As the catalogue importer does: a route whose statuses are pulled gets its status poll.
        await StatusPollRoutes.SyncAsync(db, [jurisdiction], DateTimeOffset.UtcNow, CancellationToken.None);
        await db.SaveChangesAsync();
    }
}
