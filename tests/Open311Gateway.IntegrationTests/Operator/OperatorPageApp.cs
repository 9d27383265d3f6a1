using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.RateLimiting;
using Open311Gateway.Contracts;
using Open311Gateway.Contracts.Adapters;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Operator;

/// <summary>
/// The API on a real Kestrel port with an admin key and a day of traffic in two jurisdictions: reports over the last 30 hours,
/// deliveries in every state through three adapters (and one without a route), follow-up deliveries, outbox rows waiting,
/// parked and sent, and a few rate-limit rejections in this process's record.
/// </summary>
public sealed class OperatorPageApp : GatewayApp
{
    public const int FirstJurisdictionReports = 35;
    public const int SecondJurisdictionReports = 15;
    private int _rejectionsRecorded;

    protected override bool WithSecondJurisdiction => true;
    protected override bool OnKestrel => true;

    // The seeded rows stay as seeded while the page and the test read them: no dispatcher parks, sends or retries them.
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Delivery:RunDispatcher", "false")];

    public string AdminKey { get; private set; } = "";
    public string AdminKeyId { get; private set; } = "";
    public DateTimeOffset SeededAt { get; } = DateTimeOffset.UtcNow;

    /// <summary>The server's address, such as http://127.0.0.1:40123.</summary>
    public Uri BaseAddress => new(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    protected override async Task SeedMoreAsync(GatewayDbContext db)
    {
        var key = Open311Gateway.Api.ApiKeys.ApiKey.CreateRandom();
        db.AdminKeys.Add(new Open311Gateway.Api.Data.Entities.AdminKey { Name = "Leitstelle", KeyId = key.KeyId, SecretHash = key.SecretHash(), CreatedAt = SeededAt });
        (AdminKey, AdminKeyId) = (key.ToString(), key.KeyId);
        var app = new ApiClient { Name = "Seed", KeyId = "seed", SecretHash = new byte[32], CreatedAt = SeededAt };
        db.ApiClients.Add(app);
        await db.SaveChangesAsync();

        var services = await db.Services.AsNoTracking().ToListAsync();
        var first = services.First(s => s.JurisdictionId == TestCatalog.Jurisdiction);
        var second = services.First(s => s.JurisdictionId == TestCatalog.SecondJurisdiction);
        var reports = Enumerable.Range(0, FirstJurisdictionReports).Select(i => NewReport(first, app, SeededAt.AddMinutes(-2 - 47 * i)))
            .Concat(Enumerable.Range(0, SecondJurisdictionReports).Select(i => NewReport(second, app, SeededAt.AddMinutes(-3 - 61 * i))))
            .ToList();
        db.ServiceRequests.AddRange(reports);
        await db.SaveChangesAsync();

        var deliveries = reports.Select((r, i) => NewDelivery(r, i)).ToList();
        // Follow-ups delivered: deliveries, but no reports delivered (the chart must not count them).
        deliveries.AddRange(reports.Take(4).Select(r =>
        {
            var followUp = NewDelivery(r, 0);
            followUp.Kind = DeliveryKinds.CitizenUpdate;
            return followUp;
        }));
        db.Deliveries.AddRange(deliveries);

        var inFlight = deliveries.Where(d => d.State == DeliveryStates.InFlight).ToList();
        db.OutboxMessages.AddRange(inFlight.Select((d, i) => NewOutbox(d.Id, SeededAt.AddMinutes(-10 - i))));
        db.OutboxMessages.AddRange(inFlight.Take(2).Select(d =>
        {
            var parked = NewOutbox(d.Id, SeededAt.AddMinutes(-90));
            (parked.ParkedAt, parked.ParkReason, parked.RowFailures) = (SeededAt.AddMinutes(-80), "Unknown message type", 5);
            return parked;
        }));
        var sent = NewOutbox(inFlight[0].Id, SeededAt.AddMinutes(-300));
        sent.SentAt = SeededAt.AddMinutes(-299);
        db.OutboxMessages.Add(sent);
        db.OutboxMessages.Add(NewOutbox(null, SeededAt.AddMinutes(-4)));
        await db.SaveChangesAsync();
    }

    /// <summary>Rejections as the rate limiter records them; once per fixture.</summary>
    public IReadOnlyList<RateLimitRejection> RecordRejections()
    {
        var record = Services.GetRequiredService<RecentRateLimitRejections>();
        if (Interlocked.Exchange(ref _rejectionsRecorded, 1) == 0)
        {
            record.Record(new RateLimitRejection(SeededAt.AddMinutes(-3), "post-per-key", "key 0a1b2c3d4e5f", "/open311/v2/requests.json"));
            record.Record(new RateLimitRejection(SeededAt.AddMinutes(-2), "get-per-address", "203.0.113.9", "/open311/v2/requests.json"));
            record.Record(new RateLimitRejection(SeededAt.AddMinutes(-1), "post-per-address", "203.0.113.7", "/open311/v2/requests.xml"));
        }
        return record.Newest();
    }

    private static ServiceRequest NewReport(Service service, ApiClient app, DateTimeOffset at) => new()
    {
        JurisdictionId = service.JurisdictionId, ServiceId = service.Id, ApiClientId = app.Id, Status = "open", ExtendedStatus = "OPEN",
        RequestedAt = at, UpdatedAt = at, PublicChangedAt = at, Description = "Eingefügt",
    };

    /// <summary>By position: delivered three times in seven, then failed, rejected, waiting for a retry and in flight.</summary>
    private Delivery NewDelivery(ServiceRequest report, int i)
    {
        var state = (i % 7) switch
        {
            0 or 1 or 2 => DeliveryStates.Delivered,
            3 => DeliveryStates.Failed,
            4 => DeliveryStates.Rejected,
            5 => DeliveryStates.RetryWait,
            _ => DeliveryStates.InFlight,
        };
        var adapter = report.JurisdictionId == TestCatalog.SecondJurisdiction ? (i % 5 == 0 ? null : AdapterKinds.Open311)
            : i % 2 == 0 ? AdapterKinds.Webhook : AdapterKinds.Email;
        var deliveredAt = state == DeliveryStates.Delivered ? report.RequestedAt.AddMinutes(1) : (DateTimeOffset?)null;
        return new Delivery
        {
            Id = Guid.NewGuid(), Kind = DeliveryKinds.Request, ServiceRequestId = report.Id, JurisdictionId = report.JurisdictionId,
            Route = adapter is null ? null : new DeliveryRoute { Adapter = adapter, Endpoint = "https://backoffice.example.org/", JurisdictionId = report.JurisdictionId },
            State = state, Attempts = 1 + i % 3,
            NextAttemptAt = state == DeliveryStates.RetryWait ? SeededAt.AddMinutes(5 + i) : null,
            LastError = state is DeliveryStates.Failed or DeliveryStates.Rejected or DeliveryStates.RetryWait ? $"Back office answered badly for report {report.Id}" : null,
            LastHttpStatus = state == DeliveryStates.Rejected ? 422 : state == DeliveryStates.Failed ? 503 : null,
            CreatedAt = report.RequestedAt, UpdatedAt = deliveredAt ?? report.RequestedAt.AddMinutes(1), DeliveredAt = deliveredAt,
        };
    }

    private static OutboxMessage NewOutbox(Guid? deliveryId, DateTimeOffset at) => new()
    {
        MessageType = "Open311Gateway.Contracts.ServiceRequestSubmitted", Destination = "open311-deliveries-test", DeliveryId = deliveryId,
        Payload = "{}", CreatedAt = at,
    };
}
