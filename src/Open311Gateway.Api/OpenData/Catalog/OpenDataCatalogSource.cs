using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Features.Requests;

namespace Open311Gateway.Api.OpenData.Catalog;

/// <summary>
/// Reads what the catalogue document describes: the imported catalogue metadata, the active jurisdictions with an
/// <c>open_data</c> block, and per jurisdiction the newest change the public can see (its <c>dct:modified</c>).
/// </summary>
public sealed class OpenDataCatalogSource(GatewayDbContext db)
{
    /// <returns>Null when the imported catalogue has no top-level open_data block: then there is no catalogue to serve.</returns>
    public async Task<OpenDataCatalogContent?> LoadAsync(CancellationToken cancellationToken)
    {
        var settings = await db.CatalogSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == CatalogSettings.SingleId, cancellationToken);
        if (settings?.OpenData is null) return null;

        var jurisdictions = await db.Jurisdictions.AsNoTracking()
            .Where(j => j.IsActive && j.OpenData != null).OrderBy(j => j.Id).ToListAsync(cancellationToken);
        var datasets = new List<OpenDataDataset>(jurisdictions.Count);
        foreach (var jurisdiction in jurisdictions)
        {
            var newestChange = await NewestPublicChangeAsync(jurisdiction.Id, cancellationToken);
            datasets.Add(new OpenDataDataset(jurisdiction.Id, jurisdiction.Name, jurisdiction.OpenData!,
                jurisdiction.OpenDataIssuedAt ?? jurisdiction.ImportedAt, newestChange ?? jurisdiction.ImportedAt));
        }
        return new OpenDataCatalogContent(settings.OpenData, datasets);
    }

    // The same rule as every public answer (ADR 15): a held, hidden or private report's change is no change of the dataset.
    // Newest first with LIMIT 1, so PostgreSQL can walk the (public_changed_at, id) index backwards and stop at the first match.
    private Task<DateTimeOffset?> NewestPublicChangeAsync(string jurisdictionId, CancellationToken cancellationToken) =>
        db.ServiceRequests.AsNoTracking().VisibleToPublic()
            .Where(r => r.JurisdictionId == jurisdictionId)
            .OrderByDescending(r => r.PublicChangedAt)
            .Select(r => (DateTimeOffset?)r.PublicChangedAt)
            .FirstOrDefaultAsync(cancellationToken);
}
