using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Features.Requests;

/// <summary>
/// <c>requests/{id}</c>'s query, compiled once: EF then skips walking and hashing the expression tree on every call,
/// which the profile showed as a third of the request's CPU (ADR 22). Same rule and columns as every public answer.
/// </summary>
public static class PublicReportById
{
    /// <summary>The public report with this id (and, when given, in this jurisdiction), its public columns only; or null.</summary>
    public static readonly Func<GatewayDbContext, long, string?, CancellationToken, Task<ServiceRequest?>> FindAsync = EF.CompileAsyncQuery(
        (GatewayDbContext db, long id, string? jurisdiction, CancellationToken _) => db.ServiceRequests.AsNoTracking()
            .Where(PublicReports.IsPublic)
            .Where(r => r.Id == id && (jurisdiction == null || r.JurisdictionId == jurisdiction))
            .Select(PublicReportColumns.Projection)
            .FirstOrDefault());
}
