using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Catalog.Importing;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.StatusPolls;

namespace Open311Gateway.Api.Catalog;

/// <summary>
/// Imports a catalogue file into the database: all of it in one transaction, or nothing when the file has errors.
/// Re-importing the same file changes nothing but the jurisdictions' import time.
/// </summary>
public sealed class CatalogImporter(GatewayDbContext db, TimeProvider clock)
{
    // Any fixed number works: it only has to be the same for every importer on this database, so that
    // two imports started at once (two operators, two replicas) run one after the other instead of colliding.
    private const long ImportLockKey = 311_000_001;

    /// <exception cref="FileNotFoundException">The path does not exist.</exception>
    public async Task<CatalogImportResult> ImportFileAsync(string path, CancellationToken cancellationToken = default) =>
        await ImportAsync(await CatalogParser.ParseFileAsync(path, cancellationToken), cancellationToken);

    /// <summary>Imports a catalogue given as text; it cannot name boundary files (there is no file to find them beside).</summary>
    public Task<CatalogImportResult> ImportAsync(TextReader yaml, CancellationToken cancellationToken = default) =>
        ImportAsync(CatalogParser.Parse(yaml), cancellationToken);

    private async Task<CatalogImportResult> ImportAsync(CatalogParseResult parsed, CancellationToken cancellationToken)
    {
        if (!parsed.IsValid)
        {
            return CatalogImportResult.Refused(parsed.Errors);
        }
        // Under a retrying execution strategy the whole transaction is what gets retried.
        return await db.Database.CreateExecutionStrategy()
            .ExecuteAsync(token => ApplyAsync(parsed.Catalog, token), cancellationToken);
    }

    private async Task<CatalogImportResult> ApplyAsync(ParsedCatalog catalog, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ImportLockKey})", cancellationToken);

        var existing = await db.Jurisdictions.Include(j => j.Services).Include(j => j.Boundary).ToListAsync(cancellationToken);
        var synchronizer = new CatalogSynchronizer(db, clock.GetUtcNow());
        synchronizer.Apply(catalog, existing);
        await ApplySettingsAsync(catalog, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        // After saving, every jurisdiction (new ones too) is tracked with its services fixed up.
        var jurisdictions = db.ChangeTracker.Entries<Jurisdiction>().Select(e => e.Entity).ToList();
        await StatusPollRoutes.SyncAsync(db, jurisdictions, clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CatalogImportResult([], synchronizer.Jurisdictions, synchronizer.Services);
    }

    // The file's top-level blocks, in their one row: a block removed from the file is removed here too.
    private async Task ApplySettingsAsync(ParsedCatalog catalog, CancellationToken cancellationToken)
    {
        var settings = await db.CatalogSettings.SingleOrDefaultAsync(s => s.Id == CatalogSettings.SingleId, cancellationToken);
        if (settings is null) db.CatalogSettings.Add(settings = new CatalogSettings());
        settings.OpenData = catalog.OpenData;
        settings.ImportedAt = clock.GetUtcNow();
    }
}
