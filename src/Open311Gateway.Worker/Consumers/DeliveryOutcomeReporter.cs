using MassTransit;
using Microsoft.Extensions.Options;
using Open311Gateway.Contracts;
using Open311Gateway.ServiceDefaults.Bus;
using Open311Gateway.Worker.Adapters;
using Open311Gateway.Worker.Hosting;
using Open311Gateway.Worker.Observability;

namespace Open311Gateway.Worker.Consumers;

/// <summary>Turns an adapter's result into a short retry or a <see cref="DeliveryAttempted"/> sent to the API.</summary>
public sealed class DeliveryOutcomeReporter(
    IOptions<WorkerOptions> options, SendQueues queues, DeliveryMetrics metrics, TimeProvider clock, ILogger<DeliveryOutcomeReporter> logger)
{
    public async Task ReportAsync(ConsumeContext context, string adapter, Guid deliveryId, int attempt, AdapterResult result)
    {
        if (result.Outcome == DeliveryOutcome.Failed)
        {
            // On the last short retry we report instead of throwing: a back office that is down for hours belongs
            // to the API's long-retry schedule, not to the error queue.
            var shortRetry = context.GetRetryAttempt();
            if (shortRetry < options.Value.ShortRetryIntervals.Count)
            {
                logger.LogInformation("Delivery {DeliveryId} attempt {Attempt} failed ({Detail}); short retry {Retry} follows",
                    deliveryId, attempt, result.Detail, shortRetry + 1);
                metrics.RecordShortRetry(adapter);
                throw new TransientDeliveryException(result);
            }
        }

        logger.Log(result.Outcome == DeliveryOutcome.Delivered ? LogLevel.Information : LogLevel.Warning,
            "Delivery {DeliveryId} attempt {Attempt}: {Outcome}, HTTP {HttpStatus}, case {ExternalCaseId}. {Detail}",
            deliveryId, attempt, result.Outcome, result.HttpStatus, result.ExternalCaseId, result.Detail ?? "");
        metrics.Record(adapter, result.Outcome);
        // Sent to the API's queue rather than published: sending declares the queue, so an outcome is kept
        // even before the API ever bound an exchange to it (a fresh broker, the API not yet started).
        var outcomes = await context.GetSendEndpoint(await queues.AddressAsync(DeliveryQueues.Outcomes, context.CancellationToken));
        await outcomes.Send(new DeliveryAttempted
        {
            DeliveryId = deliveryId,
            Attempt = attempt,
            Outcome = result.Outcome,
            AttemptedAt = clock.GetUtcNow(),
            ExternalCaseId = result.ExternalCaseId,
            HttpStatus = result.HttpStatus,
            Detail = result.Detail,
        }, context.CancellationToken);
    }
}
