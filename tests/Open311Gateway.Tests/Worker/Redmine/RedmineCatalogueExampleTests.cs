using Open311Gateway.Api.Catalog;
using Open311Gateway.Contracts.Adapters;

namespace Open311Gateway.Tests.Worker.Redmine;

/// <summary>The Redmine delivery block as specs/adapters.md and the README show it is a valid catalogue.</summary>
public class RedmineCatalogueExampleTests
{
    private const string Example = """
        jurisdictions:
          - id: musterstadt.de
            name: Stadt Musterstadt
            delivery:
              adapter: redmine
              endpoint: https://redmine.musterstadt.example/
              settings: { project: maengel, tracker_id: 3, our_id_field: 11, latitude_field: 12, longitude_field: 13 }
              statuses: { New: OPEN, In Progress: IN_PROGRESS, Feedback: INVESTIGATING, Resolved: FIXED, Closed: CLOSED, Rejected: NOT_COUNCILS_RESPONSIBILITY }
              poll_seconds: 60
            services:
              - code: GRUENPFLEGE
                name: Grünpflege
                delivery_settings: { category_id: 4, tracker_id: 2 }
        """;

    [Fact]
    public void The_documented_Redmine_block_parses_with_its_settings_statuses_and_a_services_own_tracker_and_category()
    {
        var result = CatalogParser.Parse(Example);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        var jurisdiction = Assert.Single(result.Catalog!.Jurisdictions);
        Assert.Equal(AdapterKinds.Redmine, jurisdiction.Delivery!.Adapter);
        Assert.Equal("11", jurisdiction.Delivery.Settings["our_id_field"]);
        Assert.Equal("IN_PROGRESS", jurisdiction.Delivery.Statuses["In Progress"]);
        Assert.Equal("4", Assert.Single(jurisdiction.Services).DeliverySettings!["category_id"]);
    }
}
