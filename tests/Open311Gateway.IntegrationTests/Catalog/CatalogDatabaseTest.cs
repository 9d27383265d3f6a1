using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Open311Gateway.Api.Catalog;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.IntegrationTests.Infrastructure;

namespace Open311Gateway.IntegrationTests.Catalog;

/// <summary>
/// A fresh database for every test (xunit makes one instance per test), and the importer resolved
/// the way the host resolves it: through AddGatewayData and AddCatalog.
/// </summary>
public abstract class CatalogDatabaseTest : IAsyncLifetime
{
    private ServiceProvider? _services;

    protected TestDatabase Database { get; } = new();

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Gateway"] = Database.ConnectionString })
            .Build();
        _services = new ServiceCollection()
            .AddGatewayData(configuration)
            .AddCatalog()
            .BuildServiceProvider(validateScopes: true);
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
        await Database.DisposeAsync();
    }

    protected Task<CatalogImportResult> ImportAsync(string yaml) =>
        WithImporter(importer => importer.ImportAsync(new StringReader(yaml)));

    protected Task<CatalogImportResult> ImportFileAsync(string path) =>
        WithImporter(importer => importer.ImportFileAsync(path));

    protected async Task<CatalogImportResult> ImportSucceedsAsync(string yaml)
    {
        var result = await ImportAsync(yaml);
        Assert.True(result.Succeeded, result.ToString());
        return result;
    }

    protected async Task<List<Jurisdiction>> JurisdictionsAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.Jurisdictions.AsNoTracking().Include(j => j.Services).OrderBy(j => j.Id).ToListAsync();
    }

    protected async Task<List<Service>> ServicesAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.Services.AsNoTracking().OrderBy(s => s.Id).ToListAsync();
    }

    /// <summary>Every catalogue row and value, as one text to compare before and after.</summary>
    protected async Task<string> SnapshotAsync()
    {
        await using var db = Database.CreateDbContext();
        var jurisdictions = await db.Jurisdictions.AsNoTracking().OrderBy(j => j.Id)
            .Select(j => new { j.Id, j.Name, j.TimeZone, j.Contact, j.KeyService, j.IsActive, j.ImportedAt })
            .ToListAsync();
        var services = await db.Services.AsNoTracking().OrderBy(s => s.Id).ToListAsync();
        return JsonSerializer.Serialize(new { jurisdictions, services });
    }

    private async Task<CatalogImportResult> WithImporter(Func<CatalogImporter, Task<CatalogImportResult>> import)
    {
        await using var scope = _services!.CreateAsyncScope();
        return await import(scope.ServiceProvider.GetRequiredService<CatalogImporter>());
    }
}
