using System.Net;
using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.IntegrationTests.Infrastructure;
using Open311Gateway.IntegrationTests.Infrastructure.EndToEnd;
using Xunit.Abstractions;

namespace Open311Gateway.IntegrationTests.EndToEnd;

/// <summary>RabbitMQ goes down in the middle of a burst of reports: citizens notice nothing, nothing is lost.</summary>
public sealed class BrokerOutageTests(OwnBrokerDeliveryTestBed bed, ITestOutputHelper output) : IClassFixture<OwnBrokerDeliveryTestBed>
{
    private const int Reports = 200;

    [Fact]
    public async Task Reports_accepted_while_RabbitMQ_is_down_are_all_delivered_once_after_it_returns()
    {
        var description = "Broker-Ausfall " + Guid.NewGuid();
        await bed.StopBrokerAsync();

        // A burst as several apps would send it: ten at a time.
        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, Reports), new ParallelOptions { MaxDegreeOfParallelism = 10 }, async (i, _) =>
        {
            var response = await bed.Api.Client.PostFormAsync("requests.json", HttpHelpers.Pothole(bed.Api.ApiKey, ("description", $"{description} #{i}")));
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            ids.Add((string)(await response.JsonAsync())[0]!["service_request_id"]!);
        });

        await using (var db = bed.Api.Database.CreateDbContext())
        {
            Assert.Equal(Reports, await db.ServiceRequests.CountAsync(r => r.Description!.StartsWith(description)));
            Assert.Equal(Reports, await db.OutboxMessages.CountAsync(m => m.SentAt == null));
        }

        await bed.RestartStoppedBrokerAsync();
        var restarted = System.Diagnostics.Stopwatch.StartNew();
        await bed.WaitUntilAsync(async () => (await bed.DeliveriesAsync()).Count(d => d.State == DeliveryStates.Delivered) == Reports,
            TimeSpan.FromMinutes(3), "all reports are delivered");

        Assert.Equal(Reports, bed.BackOffice.Cases.Keys.Count(ids.Contains));
        output.WriteLine($"{Reports} POSTs answered 200 with the broker down; all delivered {restarted.Elapsed.TotalSeconds:F1} s after it was back; " +
            $"POSTs on the wire {bed.BackOffice.Received.Count(r => r.Body.Contains(description))}; cases {bed.BackOffice.Cases.Keys.Count(ids.Contains)}");
        await using (var db = bed.Api.Database.CreateDbContext())
            Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.SentAt == null));
    }
}
