using Open311Gateway.Api.Cli;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Cli;

/// <summary><c>outbox-backlog</c>: what the dispatcher has not sent, per jurisdiction; sent rows do not count.</summary>
public sealed class OutboxBacklogCommandTests(OutboxBacklogCommandTests.QuietApp app) : IClassFixture<OutboxBacklogCommandTests.QuietApp>
{
    /// <summary>Without the dispatcher, so that the rows stay as written.</summary>
    public sealed class QuietApp : GatewayApp
    {
        protected override bool WithSecondJurisdiction => true;
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Delivery:RunDispatcher", "false")];
    }

    [Fact]
    public async Task Counts_waiting_and_parked_rows_with_the_oldest_age_per_jurisdiction()
    {
        var now = DateTimeOffset.UtcNow;
        await using (var db = app.Database.CreateDbContext())
        {
            var first = await Features.Support.Rows.InsertAsync(app, now.AddHours(-2));
            var second = await Features.Support.Rows.InsertAsync(app, now.AddHours(-2), jurisdiction: TestCatalog.SecondJurisdiction);
            var d1 = Delivery(first);
            var d2 = Delivery(second);
            db.Deliveries.AddRange(d1, d2);
            db.OutboxMessages.AddRange(
                Row(d1.Id, now.AddSeconds(-600)), Row(d1.Id, now.AddSeconds(-30)),
                Parked(Row(d1.Id, now.AddSeconds(-5000))),
                Sent(Row(d1.Id, now.AddSeconds(-9000))),
                Row(d2.Id, now.AddSeconds(-120)),
                Row(null, now.AddSeconds(-60)));
            await db.SaveChangesAsync();
        }

        var (code, output) = await RunAsync("outbox-backlog");

        Assert.Equal(0, code);
        Assert.Matches(
            $@"^\(status polls\)\twaiting 1\toldest 6\ds\tparked 0\n{TestCatalog.SecondJurisdiction}\twaiting 1\toldest 12\ds\tparked 0\n"
            + $@"{TestCatalog.Jurisdiction}\twaiting 2\toldest 60\ds\tparked 1\ntotal\twaiting 4\toldest 60\ds\tparked 1\n$",
            output.ReplaceLineEndings("\n"));
    }

    private static Delivery Delivery(ServiceRequest report) => new()
    {
        Id = Guid.NewGuid(), Kind = DeliveryKinds.Request, ServiceRequestId = report.Id, JurisdictionId = report.JurisdictionId,
        State = DeliveryStates.InFlight, Attempts = 1, CreatedAt = report.RequestedAt, UpdatedAt = report.RequestedAt,
    };

    private static OutboxMessage Row(Guid? deliveryId, DateTimeOffset at) => new()
    {
        MessageType = "Open311Gateway.Contracts.ServiceRequestSubmitted", Destination = "test", DeliveryId = deliveryId, Payload = "{}", CreatedAt = at,
    };

    private static OutboxMessage Parked(OutboxMessage row)
    {
        (row.ParkedAt, row.ParkReason) = (row.CreatedAt.AddSeconds(10), "Unknown message type");
        return row;
    }

    private static OutboxMessage Sent(OutboxMessage row)
    {
        row.SentAt = row.CreatedAt.AddSeconds(1);
        return row;
    }

    private async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var code = await OperatorCommands.RunAsync(app.Services, args, output, CancellationToken.None);
        return (code, output.ToString());
    }
}
