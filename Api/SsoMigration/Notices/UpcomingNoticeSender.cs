using Microsoft.Extensions.Options;

namespace Api.SsoMigration.Notices;

/// <summary>
/// Sends the Upcoming notices ("two weeks before", <see cref="MigrationOptions.NoticeLead"/>) as
/// their time comes. Every replica runs one, without a lease: each notice is written once
/// whoever gets there first (see <see cref="MigrationNotices"/>), and a pass that finds nothing
/// costs one query.
/// </summary>
public sealed class UpcomingNoticeSender(
    IServiceScopeFactory scopes, IOptions<MigrationOptions> options, TimeProvider clock, ILogger<UpcomingNoticeSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be down for a moment; the notices are still due at the next pass.
                logger.LogWarning(exception, "Sending migration notices failed; will retry");
            }

            try
            {
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass: every Upcoming notice due now. Returns how many this pass sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MigrationNotices>().SendDueUpcomingAsync(cancellationToken);
    }
}
