using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Deliveries.Outcomes;
using Open311Gateway.Contracts;
using Open311Gateway.IntegrationTests.BackOffice;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Privacy;

/// <summary>
/// Two jurisdictions that forward to a webhook nobody listens at, without dispatcher or retention job: the outbox
/// rows stay as the API wrote them, and the tests run the sweep and record outcomes themselves.
/// </summary>
public sealed class PrivacyGatewayApp : GatewayApp
{
    public const string Endpoint = "http://127.0.0.1:9/hook";

    protected override bool WithSecondJurisdiction => true;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [new("Delivery:RunDispatcher", "false"), new("Privacy:RunRetention", "false"), new("Privacy:RetentionBatchSize", "3")];

    protected override async Task SeedMoreAsync(GatewayDbContext db) =>
        await db.Jurisdictions.ExecuteUpdateAsync(set => set.SetProperty(j => j.DeliveryAdapter, "webhook").SetProperty(j => j.DeliveryEndpoint, Endpoint));

    public static readonly (string, string)[] Erika =
        [("email", "erika.mustermann@example.org"), ("phone", "+49 30 1234567"), ("first_name", "Erika"), ("last_name", "Mustermann"),
         ("device_id", "geraet-7f3a9c"), ("account_id", "konto-55821")];

    public static readonly string[] ErikasValues = ["erika.mustermann@example.org", "+49 30 1234567", "Erika", "Mustermann", "geraet-7f3a9c", "konto-55821"];

    /// <summary>Files a pothole report with these fields in a jurisdiction; returns its row id.</summary>
    public async Task<long> PostReportAsync(string jurisdiction, params (string, string)[] fields)
    {
        (string, string)[] form = [("api_key", ApiKey), ("jurisdiction_id", jurisdiction), ("service_code", "SCHLAGLOCH"),
            ("lat", "52.5200"), ("long", "13.4050"), ("description", "Loch vor Hausnummer 12"), .. fields];
        if (jurisdiction == TestCatalog.Jurisdiction) form = [.. form, ("attribute[GROESSE]", "klein")];
        var post = await Client.PostFormAsync("requests.json", form);
        await post.AssertStatusAsync(HttpStatusCode.OK);
        return long.Parse((string)(await post.JsonAsync())[0]!["service_request_id"]!, CultureInfo.InvariantCulture);
    }

    /// <summary>A citizen's follow-up to a report; returns its row id.</summary>
    public async Task<long> PostFollowUpAsync(long requestId, string updateId, params (string, string)[] fields)
    {
        string jurisdiction;
        await using (var rows = Database.CreateDbContext())
            jurisdiction = await rows.ServiceRequests.Where(r => r.Id == requestId).Select(r => r.JurisdictionId).SingleAsync();
        var post = await Client.PostFormAsync("servicerequestupdates.json",
            [("api_key", ApiKey), ("jurisdiction_id", jurisdiction), ("service_request_id", requestId.ToString(CultureInfo.InvariantCulture)), ("update_id", updateId),
             ("description", "Immer noch da."), .. fields]);
        await post.AssertStatusAsync(HttpStatusCode.OK);
        await using var db = Database.CreateDbContext();
        return await db.RequestUpdates.Where(u => u.ServiceRequestId == requestId && u.SenderUpdateId == updateId).Select(u => u.Id).SingleAsync();
    }

    /// <summary>Dates the report's closing back by this many days (as if the back office had closed it then).</summary>
    public async Task ClosedDaysAgoAsync(long requestId, double days)
    {
        await using var db = Database.CreateDbContext();
        var at = DateTimeOffset.UtcNow.AddDays(-days);
        await db.ServiceRequests.Where(r => r.Id == requestId).ExecuteUpdateAsync(set => set
            .SetProperty(r => r.Status, "closed").SetProperty(r => r.ExtendedStatus, "FIXED").SetProperty(r => r.StatusNotes, "Verfüllt.")
            .SetProperty(r => r.ClosedAt, at).SetProperty(r => r.PublicChangedAt, at));
    }

    public async Task<Delivery> DeliveryAsync(long requestId, long? updateId = null)
    {
        await using var db = Database.CreateDbContext();
        return await db.Deliveries.AsNoTracking().SingleAsync(d => d.ServiceRequestId == requestId && d.RequestUpdateId == updateId);
    }

    /// <summary>The payloads of a delivery's outbox rows.</summary>
    public async Task<List<JObject>> PayloadsAsync(Guid deliveryId)
    {
        await using var db = Database.CreateDbContext();
        return (await db.OutboxMessages.AsNoTracking().Where(m => m.DeliveryId == deliveryId).OrderBy(m => m.Id).Select(m => m.Payload).ToListAsync())
            .Select(JObject.Parse).ToList();
    }

    public async Task RecordOutcomeAsync(Guid deliveryId, int attempt, DeliveryOutcome outcome, string? detail = null)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeliveryOutcomeRecorder>().RecordAsync(new DeliveryAttempted
        {
            DeliveryId = deliveryId, Attempt = attempt, Outcome = outcome, AttemptedAt = DateTimeOffset.UtcNow,
            HttpStatus = outcome == DeliveryOutcome.Delivered ? 201 : 422, Detail = detail,
        }, CancellationToken.None);
    }

    /// <summary>Runs an operator command as the API's executable does; returns its exit code and output.</summary>
    public async Task<(int Code, string Output)> RunCommandAsync(params string[] args)
    {
        using var output = new StringWriter();
        var code = await Open311Gateway.Api.Cli.OperatorCommands.RunAsync(Services, args, output, CancellationToken.None);
        return (code, output.ToString());
    }
}
