using Open311Gateway.Api.Data;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Catalog.Importing;

/// <summary>
/// Brings tracked rows in line with a parsed catalogue. Rows are matched by their public keys
/// (jurisdiction id; jurisdiction and service code) so ids stay stable, and rows missing from the
/// file are deactivated, never deleted: stored requests still point at them.
/// </summary>
internal sealed class CatalogSynchronizer(GatewayDbContext db, DateTimeOffset importedAt)
{
    private readonly ImportTally _jurisdictions = new();
    private readonly ImportTally _services = new();

    public CatalogImportCounts Jurisdictions => _jurisdictions.ToCounts();
    public CatalogImportCounts Services => _services.ToCounts();

    /// <param name="existing">Every stored jurisdiction, tracked, with its services loaded.</param>
    public void Apply(ParsedCatalog catalog, IEnumerable<Jurisdiction> existing)
    {
        var stored = existing.ToDictionary(j => j.Id, StringComparer.Ordinal);
        foreach (var source in catalog.Jurisdictions)
        {
            var row = stored.Remove(source.Id, out var found) ? Update(source, found) : Add(source);
            row.ImportedAt = importedAt;
            // The first import that publishes it issues the dataset; later ones, or one that drops and restores the block, keep that date.
            if (source.OpenData is not null) row.OpenDataIssuedAt ??= importedAt;
            ApplyServices(source, row);
        }
        foreach (var missing in stored.Values)
        {
            Deactivate(missing);
        }
    }

    private Jurisdiction Update(CatalogJurisdiction source, Jurisdiction row)
    {
        var boundaryBefore = row.Boundary;
        source.CopyTo(row);
        row.IsActive = true;
        _jurisdictions.CountExisting(IsModified(row) || row.Boundary != boundaryBefore || (row.Boundary is not null && IsModified(row.Boundary)));
        return row;
    }

    private Jurisdiction Add(CatalogJurisdiction source)
    {
        var row = new Jurisdiction { Id = source.Id, Name = source.Name, TimeZone = source.TimeZone };
        source.CopyTo(row);
        db.Jurisdictions.Add(row);
        _jurisdictions.Added++;
        return row;
    }

    private void ApplyServices(CatalogJurisdiction source, Jurisdiction row)
    {
        // Ordinal, like the unique index on (jurisdiction_id, code).
        var stored = row.Services.ToDictionary(s => s.Code, StringComparer.Ordinal);
        foreach (var service in source.Services)
        {
            if (stored.Remove(service.Code, out var existing))
            {
                service.CopyTo(existing);
                existing.IsActive = true;
                _services.CountExisting(IsModified(existing));
                continue;
            }
            var added = new Service
            {
                JurisdictionId = row.Id, Code = service.Code, Name = service.Name, Type = service.Type,
            };
            service.CopyTo(added);
            db.Services.Add(added);
            _services.Added++;
        }
        foreach (var missing in stored.Values)
        {
            DeactivateService(missing);
        }
    }

    private void Deactivate(Jurisdiction row)
    {
        if (row.IsActive)
        {
            row.IsActive = false;
            _jurisdictions.Deactivated++;
        }
        foreach (var service in row.Services)
        {
            DeactivateService(service);
        }
    }

    private void DeactivateService(Service service)
    {
        if (service.IsActive)
        {
            service.IsActive = false;
            _services.Deactivated++;
        }
    }

    private bool IsModified(object row)
    {
        var entry = db.Entry(row);
        entry.DetectChanges();
        return entry.Properties.Any(p => p.IsModified);
    }
}
