namespace Api.SsoMigration;

/// <summary>
/// Work every replica runs at an interval, without a lease: each thing it sends is written once
/// whoever gets there first (a unique row), so a pass that finds nothing costs one query. A failed
/// pass (the database away for a moment) is logged and tried again at the next one.
/// </summary>
public abstract class PeriodicPass(TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>The clock passes wait on (and, for a pass that works by the date, what "now" is).</summary>
    protected TimeProvider Clock { get; } = clock;

    /// <summary>How long between two passes (read before each wait, so a test's options apply).</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>What one pass does.</summary>
    protected abstract Task PassAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PassAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "{Pass} failed; will retry", GetType().Name);
            }

            try
            {
                await Task.Delay(Interval, Clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
