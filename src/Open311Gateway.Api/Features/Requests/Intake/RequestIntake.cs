using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Deliveries.Outbox;
using Open311Gateway.Api.Deliveries.Planning;
using Open311Gateway.Api.Submissions;

namespace Open311Gateway.Api.Features.Requests.Intake;

/// <summary>
/// The one place that turns a client's submission (body read, key and jurisdiction checked by
/// <see cref="ClientSubmissionReader"/>) into a stored report: the service is looked up, every field is
/// checked, and the report is stored together with its delivery's outbox row, or nothing is written.
/// </summary>
public sealed class RequestIntake(
    GatewayDbContext db, DuplicateHints duplicates, DeliveryPlanner deliveries, OutboxSignal outbox, TimeProvider clock)
{
    public async Task<IntakeOutcome> AcceptAsync(ClientSubmission submitted, CancellationToken cancellationToken)
    {
        var (fields, client, resolved, errors) = submitted;
        var jurisdiction = resolved.Jurisdiction!;
        var serviceCode = fields.Single("service_code", errors);
        if (serviceCode is null) return IntakeOutcome.Refused(StatusCodes.Status400BadRequest, errors.Append("service_code is required."));
        var service = !TextRules.CanBeStored(serviceCode) ? null : await db.Services.AsNoTracking()
            .FirstOrDefaultAsync(s => s.JurisdictionId == jurisdiction.Id && s.Code == serviceCode && s.IsActive, cancellationToken);
        if (service is null) return IntakeOutcome.Refused(StatusCodes.Status404NotFound, $"Unknown service_code '{TextRules.Shorten(serviceCode)}'.");

        var (submission, validationErrors) = SubmissionValidator.Validate(fields, service, resolved.Zone);
        errors.AddRange(validationErrors);
        if (submission is null || errors.Count > 0) return IntakeOutcome.Refused(StatusCodes.Status400BadRequest, errors);

        var now = clock.GetUtcNow();
        var request = NewRequestFactory.Create(submission, service, jurisdiction, client, now);
        var earlier = await duplicates.FindEarlierAsync(service, request.Location, now, cancellationToken);
        request.ServiceNotice = DuplicateHints.Notice(request.ServiceNotice, earlier);

        // The request and its delivery's outbox row are committed together: neither exists without the other.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.ServiceRequests.Add(request);
            await db.SaveChangesAsync(cancellationToken);
            deliveries.PlanRequest(request, service, jurisdiction);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        outbox.Notify();
        return IntakeOutcome.Accepted(request, service);
    }
}
