using System.Linq.Expressions;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Features.Requests;

/// <summary>
/// Reads only the columns a public answer shows (<see cref="RequestDocuments"/>): not the attributes (jsonb), the
/// search vector or the personal data, which cost a parse per row and are never shown (ADR 22).
/// </summary>
public static class PublicReportColumns
{
    public static IQueryable<ServiceRequest> OnlyPublicColumns(this IQueryable<ServiceRequest> requests) => requests.Select(Projection);

    /// <summary>Built once, not per query; compiled queries name it too.</summary>
    public static readonly Expression<Func<ServiceRequest, ServiceRequest>> Projection = r => new ServiceRequest
    {
        Id = r.Id,
        JurisdictionId = r.JurisdictionId,
        ServiceId = r.ServiceId,
        Status = r.Status,
        ExtendedStatus = r.ExtendedStatus,
        StatusNotes = r.StatusNotes,
        AgencyResponsible = r.AgencyResponsible,
        ServiceNotice = r.ServiceNotice,
        ExternalCaseId = r.ExternalCaseId,
        RequestedAt = r.RequestedAt,
        UpdatedAt = r.UpdatedAt,
        ExpectedAt = r.ExpectedAt,
        PublicChangedAt = r.PublicChangedAt,
        Description = r.Description,
        Location = r.Location,
        AddressString = r.AddressString,
        AddressId = r.AddressId,
        Zipcode = r.Zipcode,
        MediaUrls = r.MediaUrls,
    };
}
