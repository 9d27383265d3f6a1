using Open311Gateway.Api.Data.Entities;

namespace Open311Gateway.Api.Features.Requests.Intake;

/// <summary>
/// What became of a POSTed report: stored (with its service, for the answer's shape) or refused with an
/// Open311 status and every reason found. A refused report wrote nothing.
/// </summary>
public sealed record IntakeOutcome(ServiceRequest? Stored, Service? Service, int RefusalCode, IReadOnlyList<string> Reasons)
{
    public static IntakeOutcome Accepted(ServiceRequest stored, Service service) => new(stored, service, 0, []);

    public static IntakeOutcome Refused(int code, params IEnumerable<string> reasons) => new(null, null, code, reasons.ToList());
}
