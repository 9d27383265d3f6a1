using Open311Gateway.Contracts.Adapters;

namespace Open311Gateway.Tests.Catalog;

/// <summary>The upstream Open311 delivery block as specs/adapters.md and the README write it is a valid catalogue.</summary>
public class Open311DeliveryCatalogueTests
{
    private const string Documented = """
        jurisdictions:
          - id: musterstadt.de
            name: Stadt Musterstadt
            delivery:
              adapter: open311
              endpoint: https://upstream.example/open311/v2
              settings:
                jurisdiction_id: bonn
                format: xml
                updated_after: true
                servicerequestupdates: true
              statuses:
                IN_PROCESS: IN_PROGRESS
                closed: FIXED
              poll_seconds: 300
            services:
              - code: SCHLAGLOCH
                name: Schlagloch
                external_code: STR-042
                external_attributes: { GROESSE: size }
                attributes:
                  - code: GROESSE
                    description: Wie groß?
                    datatype: string
        """;

    [Fact]
    public void The_documented_open311_delivery_block_parses_with_its_settings_statuses_and_poll_interval()
    {
        var jurisdiction = CatalogAssert.Valid(Documented).Jurisdictions.Single();

        var delivery = jurisdiction.Delivery!;
        Assert.Equal(AdapterKinds.Open311, delivery.Adapter);
        Assert.Equal("https://upstream.example/open311/v2", delivery.Endpoint);
        Assert.Equal("bonn", delivery.Settings["jurisdiction_id"]);
        Assert.Equal("xml", delivery.Settings["format"]);
        Assert.Equal("true", delivery.Settings["updated_after"]);
        Assert.Equal("true", delivery.Settings["servicerequestupdates"]);
        Assert.Equal("IN_PROGRESS", delivery.Statuses["IN_PROCESS"]);
        Assert.Equal(300, delivery.PollSeconds);
        var service = jurisdiction.Services.Single();
        Assert.Equal("STR-042", service.ExternalCode);
        Assert.Equal("size", service.ExternalAttributes!["GROESSE"]);
    }
}
