using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Open311Gateway.Api.Data;

namespace Open311Gateway.Api.Caching;

/// <summary>
/// The catalogue and the API keys, held in memory by this process (ADR 22). Loaded on first use; replaced whole when
/// <see cref="CacheListener"/> hears that the rows behind them changed (a trigger notifies on commit) or finds a newer
/// version. Requests keep the snapshot they got while a new one loads.
/// </summary>
public sealed class GatewayCache(IServiceScopeFactory scopes, IOptions<CachingOptions> options)
{
    private readonly SemaphoreSlim _catalogLoad = new(1, 1);
    private readonly SemaphoreSlim _keysLoad = new(1, 1);
    private volatile CatalogSnapshot? _catalog;
    private volatile ApiKeySnapshot? _keys;

    public async ValueTask<CatalogSnapshot> CatalogAsync(CancellationToken cancellationToken)
    {
        var current = _catalog;
        if (current is not null && (!options.Value.CheckOnEveryUse || await VersionAsync(CacheChannel.Catalog, cancellationToken) == current.Version))
            return current;
        return await ReloadCatalogAsync(cancellationToken);
    }

    public async ValueTask<ApiKeySnapshot> ApiKeysAsync(CancellationToken cancellationToken)
    {
        var current = _keys;
        if (current is not null && (!options.Value.CheckOnEveryUse || await VersionAsync(CacheChannel.ApiKeys, cancellationToken) == current.Version))
            return current;
        return await ReloadApiKeysAsync(cancellationToken);
    }

    /// <summary>
    /// A snapshot holding every one of these services (reports name them by id): one that lacks any is older than the
    /// report that names it, so the catalogue is loaded again.
    /// </summary>
    public async ValueTask<CatalogSnapshot> CatalogWithServicesAsync(IEnumerable<long> serviceIds, CancellationToken cancellationToken)
    {
        var catalog = await CatalogAsync(cancellationToken);
        return serviceIds.All(id => catalog.ServiceById(id) is not null) ? catalog : await ReloadCatalogAsync(cancellationToken);
    }

    /// <summary>The version each loaded kind holds, for the listener's comparison; kinds not loaded yet are left out.</summary>
    public IReadOnlyDictionary<string, long> LoadedVersions()
    {
        var loaded = new Dictionary<string, long>();
        if (_catalog is { } catalog) loaded[CacheChannel.Catalog] = catalog.Version;
        if (_keys is { } keys) loaded[CacheChannel.ApiKeys] = keys.Version;
        return loaded;
    }

    /// <summary>Loads a kind again if it was loaded before (a kind nobody asked for yet loads on first use).</summary>
    public async Task RefreshAsync(string kind, CancellationToken cancellationToken)
    {
        if (kind == CacheChannel.Catalog && _catalog is not null) await ReloadCatalogAsync(cancellationToken);
        else if (kind == CacheChannel.ApiKeys && _keys is not null) await ReloadApiKeysAsync(cancellationToken);
    }

    private async Task<CatalogSnapshot> ReloadCatalogAsync(CancellationToken cancellationToken)
    {
        await _catalogLoad.WaitAsync(cancellationToken);
        try
        {
            var loaded = await InSnapshotAsync(CacheChannel.Catalog, async (db, version) => new CatalogSnapshot(version,
                await db.Jurisdictions.AsNoTracking().Include(j => j.Services).Include(j => j.Boundary)
                    .OrderBy(j => j.Id).ToListAsync(cancellationToken)), cancellationToken);
            _catalog = loaded;
            return loaded;
        }
        finally
        {
            _catalogLoad.Release();
        }
    }

    private async Task<ApiKeySnapshot> ReloadApiKeysAsync(CancellationToken cancellationToken)
    {
        await _keysLoad.WaitAsync(cancellationToken);
        try
        {
            var loaded = await InSnapshotAsync(CacheChannel.ApiKeys, async (db, version) =>
            {
                var clients = await db.ApiClients.AsNoTracking().ToListAsync(cancellationToken);
                return new ApiKeySnapshot(version, clients.ToDictionary(c => c.KeyId, StringComparer.Ordinal));
            }, cancellationToken);
            _keys = loaded;
            return loaded;
        }
        finally
        {
            _keysLoad.Release();
        }
    }

    // The version and the rows are read in one repeatable-read transaction, so a snapshot never holds rows newer or
    // older than the version it carries.
    private async Task<T> InSnapshotAsync<T>(string kind, Func<GatewayDbContext, long, Task<T>> load, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var version = await VersionAsync(db, kind, cancellationToken);
        var loaded = await load(db, version);
        await transaction.CommitAsync(cancellationToken);
        return loaded;
    }

    private async Task<long> VersionAsync(string kind, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await VersionAsync(scope.ServiceProvider.GetRequiredService<GatewayDbContext>(), kind, cancellationToken);
    }

    private static Task<long> VersionAsync(GatewayDbContext db, string kind, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<long>($"""SELECT version AS "Value" FROM cache_versions WHERE name = {kind}""").SingleAsync(cancellationToken);
}
