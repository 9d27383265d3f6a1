using System.Linq.Expressions;
using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Features.Requests;

/// <summary>
/// Which reports the public may see, written once for every public answer (requests, servicerequestupdates,
/// tokens, duplicate hints). ADR 15: a report is public when moderation has published it (not held, not hidden),
/// it was not filed as private, and its service is neither blackbox (accepted and forwarded, never tracked
/// publicly) nor private now.
/// </summary>
public static class PublicReports
{
    /// <summary>The rule as one expression, built once (not per query), which compiled queries can name too (ADR 22).</summary>
    public static readonly Expression<Func<ServiceRequest, bool>> IsPublic = r => r.Moderation == ModerationStates.Published && !r.IsPrivate
        && r.Service!.Type != ServiceTypes.Blackbox && !r.Service.IsPrivate;

    /// <summary>
    /// The rule's part about the report's own row, as SQL over service_requests aliased <c>r</c>, for the one statement
    /// that is not LINQ: the intake's lookup (<see cref="Intake.NewReportLookup"/>), which also takes the new report's id
    /// in the same round trip (ADR 22). The service's part is <see cref="ServiceIsPublic"/>, asked of the cached service.
    /// PublicRuleParityTests holds the two halves equal to <see cref="IsPublic"/>.
    /// </summary>
    public const string RowIsPublicSql = "r.moderation = '" + ModerationStates.Published + "' AND NOT r.is_private";

    /// <summary>The rule's part about the service: no report of a blackbox or private service is public.</summary>
    public static bool ServiceIsPublic(Service service) => service.Type != ServiceTypes.Blackbox && !service.IsPrivate;

    public static IQueryable<ServiceRequest> VisibleToPublic(this IQueryable<ServiceRequest> requests) => requests.Where(IsPublic);
}
