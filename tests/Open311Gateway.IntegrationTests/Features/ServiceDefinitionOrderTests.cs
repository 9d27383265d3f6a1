using System.Net;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.IntegrationTests.Features.Support;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Features;

/// <summary>Its own database: it adds a service whose attributes are stored out of order.</summary>
public sealed class ServiceDefinitionOrderTests(GatewayApp app) : IClassFixture<GatewayApp>
{
    [Fact]
    public async Task Attributes_are_listed_by_their_order_not_by_how_they_are_stored()
    {
        await using (var db = app.Database.CreateDbContext())
        {
            db.Services.Add(new Service
            {
                JurisdictionId = TestCatalog.Jurisdiction, Code = "REIHE", Name = "Reihenfolge", Type = "realtime",
                Attributes =
                [
                    new AttributeDefinition { Code = "DRITTE", Datatype = "text", Order = 3, Description = "c" },
                    new AttributeDefinition { Code = "ERSTE", Datatype = "string", Order = 1, Description = "a", DatatypeDescription = "kurz" },
                    new AttributeDefinition { Code = "ZWEITE", Datatype = "number", Order = 2, Description = "b", Required = true },
                ],
            });
            await db.SaveChangesAsync();
        }

        var json = await app.Client.GetOpen311Async("services/REIHE.json");
        await Open311Assert.Body(json, HttpStatusCode.OK, Open311Assert.Json,
            """{"service_code":"REIHE","attributes":["""
            + """{"variable":true,"code":"ERSTE","datatype":"string","required":false,"datatype_description":"kurz","order":1,"description":"a","values":[]},"""
            + """{"variable":true,"code":"ZWEITE","datatype":"number","required":true,"datatype_description":null,"order":2,"description":"b","values":[]},"""
            + """{"variable":true,"code":"DRITTE","datatype":"text","required":false,"datatype_description":null,"order":3,"description":"c","values":[]}]}""");

        var xml = await Open311Assert.XmlAnswer(await app.Client.GetOpen311Async("services/REIHE.xml"));
        Assert.Equal(["ERSTE", "ZWEITE", "DRITTE"], xml.Root!.Element("attributes")!.Elements("attribute").Select(a => a.Element("code")!.Value));
    }
}
