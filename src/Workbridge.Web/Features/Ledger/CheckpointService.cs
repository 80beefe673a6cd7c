using Workbridge.Data;
using Workbridge.Data.Ledger;

namespace Workbridge.Web.Features.Ledger;

/// <summary>
/// Signs a checkpoint every Workbridge:CheckpointMinutes (default 60) when the ledger has grown, so that monitors
/// always have a recent one to download even if nobody asks for it.
/// </summary>
public sealed class CheckpointService(IServiceScopeFactory scopes, LedgerSigner signer, IConfiguration configuration, ILogger<CheckpointService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Workbridge:CheckpointMinutes", 60)));
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var checkpoint = await Checkpoints.CreateAsync(scope.ServiceProvider.GetRequiredService<UnitOfWork>(), signer.Key, stoppingToken);
                logger.LogInformation("Ledger checkpoint at {Size} entries", checkpoint.Size);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The periodic ledger checkpoint failed; the next attempt is in {Interval}", interval);
            }
        }
    }
}
