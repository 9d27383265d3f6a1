using Open311Gateway.Api.Data;

namespace Open311Gateway.IntegrationTests.Infrastructure;

/// <summary>The usual one-jurisdiction gateway, with Teststadt's boundary.</summary>
public sealed class SingleBoundedJurisdictionApp : GatewayApp
{
    protected override Task SeedMoreAsync(GatewayDbContext db) => TestBoundaries.SetAsync(db, TestCatalog.Jurisdiction, TestBoundaries.Teststadt);
}
