using Microsoft.Extensions.Options;
using Open311Gateway.Api.Deliveries.Outbox;
using Open311Gateway.Api.Deliveries.Retries;
using Open311Gateway.Api.StatusPolls;

namespace Open311Gateway.Api.Deliveries;

/// <summary>
/// The API host's background loop: plans due retries and status polls, then drains the outbox; sleeps until the next
/// poll or until a request wakes it. Failures (database or broker down) are logged and retried.
/// Retries and polls are planned at most once per poll interval (sooner only while they find work): a request's wake-up
/// is for its outbox row, and planning on every wake-up cost two transactions per report under load.
/// </summary>
public sealed class DeliveryPump(IServiceScopeFactory scopes, OutboxSignal signal, IOptions<DeliveryOptions> options, ILogger<DeliveryPump> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var poll = TimeSpan.FromSeconds(settings.PollIntervalSeconds);
        var sinceScheduled = System.Diagnostics.Stopwatch.StartNew();
        var scheduleNext = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var provider = scope.ServiceProvider;
                if (scheduleNext || sinceScheduled.Elapsed >= poll)
                {
                    sinceScheduled.Restart();
                    var planned = await provider.GetRequiredService<RetryScheduler>().ScheduleDueAsync(stoppingToken)
                        + await provider.GetRequiredService<StatusPollScheduler>().ScheduleDueAsync(stoppingToken);
                    scheduleNext = planned > 0;
                    busy |= scheduleNext;
                }
                busy |= await provider.GetRequiredService<OutboxDispatcher>().DispatchBatchAsync(stoppingToken) >= settings.BatchSize;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping in the middle of a round: uncommitted work is rolled back and done by the next process.
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Delivery round failed; retrying in {Poll}", poll);
            }
            if (busy) continue;
            try
            {
                await signal.WaitAsync(poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
