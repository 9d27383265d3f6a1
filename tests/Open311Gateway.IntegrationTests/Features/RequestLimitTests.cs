using System.Globalization;
using Newtonsoft.Json.Linq;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Features;

/// <summary>Its own database: 1005 rows within the default window.</summary>
public sealed class RequestLimitTests(GatewayApp app) : IClassFixture<GatewayApp>
{
    [Fact]
    public async Task At_most_1000_requests_are_listed_the_newest_ones()
    {
        var now = DateTimeOffset.UtcNow;
        var rows = new List<Api.Data.Entities.ServiceRequest>();
        var template = await Rows.NewAsync(app, now);
        for (var i = 0; i < 1005; i++)
        {
            var row = await Task.FromResult(new Api.Data.Entities.ServiceRequest
            {
                JurisdictionId = template.JurisdictionId, ServiceId = template.ServiceId, ApiClientId = template.ApiClientId,
                Status = "open", ExtendedStatus = "OPEN", RequestedAt = now.AddMinutes(-i - 1), UpdatedAt = now.AddMinutes(-i - 1),
                Description = $"Nummer {i}", AddressString = "Massenweg",
            });
            rows.Add(row);
        }
        await Rows.InsertAsync(app, rows);

        var json = Assert.IsType<JArray>(await Open311Assert.JsonAnswer(await app.Client.GetOpen311Async("requests.json")));
        Assert.Equal(1000, json.Count);
        var expected = rows.Take(1000).Select(r => r.Id.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(expected, json.Select(r => (string)r["service_request_id"]!));

        var xml = await Open311Assert.XmlAnswer(await app.Client.GetOpen311Async("requests.xml?status=open"));
        Assert.Equal(1000, xml.Root!.Elements("request").Count());

        // Ids override the window, not the limit.
        var ids = string.Join(",", rows.Select(r => r.Id));
        var byId = Assert.IsType<JArray>(await Open311Assert.JsonAnswer(await app.Client.GetOpen311Async("requests.json?service_request_id=" + ids)));
        Assert.Equal(1000, byId.Count);
    }
}
