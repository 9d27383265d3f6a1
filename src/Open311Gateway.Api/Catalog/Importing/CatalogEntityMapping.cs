using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Catalog.Importing;

/// <summary>Copies catalogue fields onto rows; keys (ids, codes) and bookkeeping stay with the caller.</summary>
internal static class CatalogEntityMapping
{
    public static void CopyTo(this CatalogJurisdiction source, Jurisdiction row)
    {
        row.Name = source.Name;
        row.TimeZone = source.TimeZone;
        row.Contact = source.Contact;
        row.KeyService = source.KeyService;
        row.PublicCaseId = source.PublicCaseId;
        row.DeliveryAdapter = source.Delivery?.Adapter;
        row.DeliveryEndpoint = source.Delivery?.Endpoint;
        row.DeliverySettings = Copy(source.Delivery?.Settings);
        row.DeliveryStatuses = Copy(source.Delivery?.Statuses);
        row.StatusPollSeconds = source.Delivery?.PollSeconds;
        row.HoldNewReports = source.HoldNewReports;
        row.PersonalDataRetentionDays = source.PersonalDataRetentionDays;
        row.ProjectedSrid = source.ProjectedSrid;
        row.OpenData = source.OpenData;
        CopyBoundary(source, row);
    }

    // The boundary row is replaced only when the area changed, so an unchanged re-import counts as unchanged.
    private static void CopyBoundary(CatalogJurisdiction source, Jurisdiction row)
    {
        if (source.Boundary is null) row.Boundary = null;
        else if (row.Boundary is null) row.Boundary = new JurisdictionBoundary { JurisdictionId = row.Id, Area = source.Boundary };
        else if (!row.Boundary.Area.EqualsExact(source.Boundary)) row.Boundary.Area = source.Boundary;
    }

    public static void CopyTo(this CatalogService source, Service row)
    {
        row.Name = source.Name;
        row.Description = source.Description;
        row.Type = source.Type;
        row.Keywords = source.Keywords.Count == 0 ? null : string.Join(",", source.Keywords);
        row.Group = source.Group;
        row.ServiceNotice = source.ServiceNotice;
        row.Attributes = source.Attributes.Select(ToEntity).ToList();
        row.ExternalCode = source.ExternalCode;
        row.DeliveryAdapter = source.Delivery?.Adapter;
        row.DeliveryEndpoint = source.Delivery?.Endpoint;
        // The block's own settings, then the per-service ones over them (the parser allows those only where they mean something).
        row.DeliverySettings = Copy(source.Delivery?.Settings);
        foreach (var (key, value) in source.DeliverySettings ?? new Dictionary<string, string>()) row.DeliverySettings[key] = value;
        row.DeliveryStatuses = Copy(source.Delivery?.Statuses);
        row.StatusPollSeconds = source.Delivery?.PollSeconds;
        row.ExternalAttributes = Copy(source.ExternalAttributes);
        row.IsPrivate = source.Private;
        row.DuplicateRadiusMetres = source.DuplicateHint?.RadiusMetres;
        row.DuplicateDays = source.DuplicateHint?.Days;
    }

    private static Dictionary<string, string> Copy(IReadOnlyDictionary<string, string>? source) =>
        source is null ? [] : new Dictionary<string, string>(source, StringComparer.Ordinal);

    private static AttributeDefinition ToEntity(CatalogAttribute attribute) => new()
    {
        Code = attribute.Code,
        Variable = attribute.Variable,
        Datatype = attribute.Datatype,
        Required = attribute.Required,
        DatatypeDescription = attribute.DatatypeDescription,
        Order = attribute.Order,
        Description = attribute.Description,
        Values = attribute.Values.Select(v => new AttributeValue { Key = v.Key, Name = v.Name }).ToList(),
    };
}
