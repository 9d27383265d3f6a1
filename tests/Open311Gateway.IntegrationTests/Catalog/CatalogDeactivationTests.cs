using Open311Gateway.Api.Catalog;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.IntegrationTests.Catalog;

public class CatalogDeactivationTests : CatalogDatabaseTest
{
    [Fact]
    public async Task A_service_removed_from_the_file_is_deactivated_but_kept()
    {
        await ImportSucceedsAsync(TestCatalogue.Yaml);
        var graffiti = (await ServicesAsync()).Single(s => s.Code == "GRAFFITI");

        var result = await ImportSucceedsAsync(TestCatalogue.WithoutService("GRAFFITI"));

        Assert.Equal(new CatalogImportCounts(0, 0, 3, 1), result.Services);
        var services = await ServicesAsync();
        Assert.Equal(4, services.Count);
        var kept = services.Single(s => s.Id == graffiti.Id);
        Assert.False(kept.IsActive);
        Assert.Equal("Graffiti", kept.Name);
        Assert.All(services.Where(s => s.Id != graffiti.Id), s => Assert.True(s.IsActive));
    }

    [Fact]
    public async Task A_request_keeps_its_service_when_the_service_leaves_the_catalogue()
    {
        await ImportSucceedsAsync(TestCatalogue.Yaml);
        var graffiti = (await ServicesAsync()).Single(s => s.Code == "GRAFFITI");
        var requestId = await StoreRequestAsync(graffiti);

        await ImportSucceedsAsync(TestCatalogue.WithoutService("GRAFFITI"));

        await using var db = Database.CreateDbContext();
        var request = await db.ServiceRequests.FindAsync(requestId);
        Assert.Equal(graffiti.Id, request!.ServiceId);
        Assert.False((await db.Services.FindAsync(graffiti.Id))!.IsActive);
    }

    [Fact]
    public async Task A_service_put_back_into_the_file_is_reactivated_with_its_old_id()
    {
        await ImportSucceedsAsync(TestCatalogue.Yaml);
        var graffiti = (await ServicesAsync()).Single(s => s.Code == "GRAFFITI");
        await ImportSucceedsAsync(TestCatalogue.WithoutService("GRAFFITI"));

        var result = await ImportSucceedsAsync(TestCatalogue.Yaml);

        Assert.Equal(new CatalogImportCounts(0, 1, 3, 0), result.Services);
        var back = (await ServicesAsync()).Single(s => s.Code == "GRAFFITI");
        Assert.Equal(graffiti.Id, back.Id);
        Assert.True(back.IsActive);
    }

    [Fact]
    public async Task A_jurisdiction_missing_from_the_file_is_deactivated_together_with_its_services()
    {
        await ImportSucceedsAsync(TestCatalogue.Yaml);

        var result = await ImportSucceedsAsync(TestCatalogue.WithoutJurisdiction("unterdorf.example"));

        Assert.Equal(new CatalogImportCounts(0, 0, 1, 1), result.Jurisdictions);
        Assert.Equal(new CatalogImportCounts(0, 0, 3, 1), result.Services);
        var unterdorf = (await JurisdictionsAsync()).Single(j => j.Id == "unterdorf.example");
        Assert.False(unterdorf.IsActive);
        var service = Assert.Single(unterdorf.Services);
        Assert.False(service.IsActive);

        var again = await ImportSucceedsAsync(TestCatalogue.WithoutJurisdiction("unterdorf.example"));
        Assert.Equal(new CatalogImportCounts(0, 0, 1, 0), again.Jurisdictions);
        Assert.Equal(new CatalogImportCounts(0, 0, 3, 0), again.Services);
    }

    private async Task<long> StoreRequestAsync(Service service)
    {
        await using var db = Database.CreateDbContext();
        var client = new ApiClient { Name = "Test-App", KeyId = "test", SecretHash = new byte[32], CreatedAt = DateTimeOffset.UtcNow };
        db.ApiClients.Add(client);
        await db.SaveChangesAsync();
        var request = new ServiceRequest
        {
            JurisdictionId = service.JurisdictionId,
            ServiceId = service.Id,
            ApiClientId = client.Id,
            Status = "open",
            ExtendedStatus = "OPEN",
            RequestedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
            AddressString = "Hauptstraße 1, Oberdorf",
        };
        db.ServiceRequests.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    }
}
