using Microsoft.Extensions.Options;
using Open311Gateway.Api.Features.Requests.Listing;
using Open311Gateway.Api.Idempotency;

namespace Open311Gateway.Api.Privacy;

/// <summary>
/// Runs the <see cref="RetentionSweep"/> at start and then every <see cref="PrivacyOptions.RetentionIntervalMinutes"/>,
/// and with it the pruning of the listing's change log (<see cref="ChangeLogPruner"/>) and of expired Idempotency-Keys
/// (<see cref="IdempotencyStore.PruneAsync"/>), whose entries age out too.
/// A failed run (database down) is logged and tried at the next interval; nothing is lost by waiting.
/// </summary>
public sealed class RetentionJob(IServiceScopeFactory scopes, IOptions<PrivacyOptions> options, TimeProvider clock, ILogger<RetentionJob> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(options.Value.RetentionIntervalMinutes);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<RetentionSweep>().RunAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<ChangeLogPruner>().PruneAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<IdempotencyStore>().PruneAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Retention run failed; trying again in {Interval}", interval);
            }
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
