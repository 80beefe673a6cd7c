using Workbridge.Data;
using Workbridge.Data.Privacy;

namespace Workbridge.Web.Features.People;

/// <summary>Runs retention once a day: names of people released more than Workbridge:RetentionYears ago (default 10) are removed.</summary>
public sealed class RetentionService(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<RetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1));
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                var removed = await Retention.RunAsync(scope.ServiceProvider.GetRequiredService<UnitOfWork>(), configuration.GetValue(Retention.ConfigurationKey, Retention.DefaultYears), stoppingToken);
                if (removed > 0)
                {
                    logger.LogInformation("Retention removed the identity of {Count} people released long ago", removed);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Retention failed; it runs again tomorrow");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
