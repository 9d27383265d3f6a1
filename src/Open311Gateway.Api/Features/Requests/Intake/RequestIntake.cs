using Microsoft.EntityFrameworkCore;
using Open311Gateway.Api.Caching;
using Open311Gateway.Api.Data;
using Open311Gateway.Api.Data.Entities;
using Open311Gateway.Api.Deliveries.Outbox;
using Open311Gateway.Api.Deliveries.Planning;
using Open311Gateway.Api.Photos;
using Open311Gateway.Api.Observability;
using Open311Gateway.Api.Submissions;

namespace Open311Gateway.Api.Features.Requests.Intake;

/// <summary>
/// The one place that turns a client's submission (body read and key checked by <see cref="ClientSubmissionReader"/>)
/// into a stored report: the jurisdiction is found (named, or by the report's point: <see cref="JurisdictionRouter"/>),
/// the service is looked up, every field is checked, and the report is stored together with its delivery's outbox
/// row, or nothing is written. A photo is cleaned and stored just before that transaction, and removed again when
/// the transaction fails.
/// </summary>
public sealed class RequestIntake(
    GatewayDbContext db,
    JurisdictionRouter router,
    NewReportLookup lookup,
    DeliveryPlanner deliveries,
    OutboxSignal outbox,
    TimeProvider clock,
    ReportPhotoIntake photos,
    ReportMetrics metrics,
    GatewayCache cache)
{
    /// <param name="alongside">Runs inside the report's transaction once the report has its id (the Idempotency-Key's
    /// answer is stored there, so that a report never commits without it); its exception rolls everything back.</param>
    public async Task<IntakeOutcome> AcceptAsync(KeyedSubmission submitted, CancellationToken cancellationToken,
        Func<ServiceRequest, Service, CancellationToken, Task>? alongside = null)
    {
        var (fields, client, errors) = submitted;
        // Wrong coordinates are reported by the validator below, or with the refusal when they were needed to route.
        var pointErrors = new List<string>();
        var point = SubmittedPoint.Read(fields, pointErrors);
        var (resolved, refusal) = await router.RouteAsync(fields, point, pointErrors, errors, cancellationToken);
        if (resolved is null) return refusal!;
        var jurisdiction = resolved.Jurisdiction!;
        var serviceCode = fields.Single("service_code", errors);
        if (serviceCode is null) return IntakeOutcome.Refused(StatusCodes.Status400BadRequest, errors.Append("service_code is required."));
        var service = !TextRules.CanBeStored(serviceCode) ? null
            : (await cache.CatalogAsync(cancellationToken)).ActiveService(jurisdiction.Id, serviceCode);
        if (service is null) return IntakeOutcome.Refused(StatusCodes.Status404NotFound, $"Unknown service_code '{TextRules.Shorten(serviceCode)}'.");

        var (submission, validationErrors) = SubmissionValidator.Validate(fields, service, resolved.Zone);
        errors.AddRange(validationErrors);
        var photoBytes = ReportPhotoIntake.BytesOf(fields);
        if (photos.Check(photoBytes) is { } photoProblem) errors.Add(photoProblem);
        if (submission is null || errors.Count > 0) return IntakeOutcome.Refused(StatusCodes.Status400BadRequest, errors);
        var (photo, photoError) = await photos.CleanAsync(photoBytes, cancellationToken);
        if (photoError is not null) return IntakeOutcome.Refused(StatusCodes.Status400BadRequest, photoError);

        var now = clock.GetUtcNow();
        var request = NewRequestFactory.Create(submission, service, jurisdiction, client, now);
        // One connection for the lookup and the insert, instead of one taken from the pool (and reset) for each.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // Projected once, here: every delivery attempt copies these numbers, whatever the catalogue's crs is by then.
            var numbers = await lookup.LookUpAsync(
                request.Location, jurisdiction.ProjectedSrid, DuplicateHints.SearchFor(service, request.Location, now), cancellationToken);
            request.Id = numbers.Id;
            if (numbers.Projected is { } projected)
            {
                (request.Easting, request.Northing) = projected;
                request.ProjectedSrid = jurisdiction.ProjectedSrid;
            }
            request.ServiceNotice = DuplicateHints.Notice(request.ServiceNotice, numbers.EarlierId);
            await StoreAsync(request, service, jurisdiction, photo, now, alongside, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        outbox.Notify();
        metrics.Accepted(jurisdiction.Id);
        return IntakeOutcome.Accepted(request, service);
    }

    private async Task StoreAsync(ServiceRequest request, Service service, Jurisdiction jurisdiction, CleanPhoto? photo, DateTimeOffset now,
        Func<ServiceRequest, Service, CancellationToken, Task>? alongside, CancellationToken cancellationToken)
    {
        // Stored last before the transaction, so that only the transaction itself can leave it without a report.
        var photoName = await photos.StoreAsync(photo, request, now, cancellationToken);
        try
        {
            // The request, its delivery and its outbox row go in one SaveChanges: one batch, in one round trip.
            db.ServiceRequests.Add(request);
            deliveries.PlanRequest(request, service, jurisdiction);
            if (alongside is null)
            {
                // Without a transaction of EF's own, which would cost a COMMIT round trip of its own: PostgreSQL runs a
                // batch sent without one as one implicit transaction, so the three rows commit together or not at all
                // (Npgsql's batching; IntakeAtomicityTests breaks the last insert to show it).
                // Nothing changed the three rows since they were added, and nothing saves through this context after
                // them: no change detection, and no snapshot of what was saved, each of which serialises every jsonb
                // column once more (a profile of the POST showed them). Cleared instead of accepted.
                db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                try
                {
                    await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
                }
                finally
                {
                    db.ChangeTracker.Clear();
                    db.ChangeTracker.AutoDetectChangesEnabled = true;
                    db.Database.AutoTransactionBehavior = AutoTransactionBehavior.WhenNeeded;
                }
            }
            else
            {
                // What runs alongside joins the same transaction, which then has to be opened explicitly.
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await alongside(request, service, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch when (photoName is not null)
        {
            await photos.DiscardAsync(photoName);
            throw;
        }
    }
}
