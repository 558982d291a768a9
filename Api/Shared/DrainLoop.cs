namespace Api.Shared;

/// <summary>
/// The loop of a background worker that drains a queue kept in the database (the mail outbox, the
/// webhook deliveries): take items until none is due, then wait for a wake-up or the poll
/// interval. A failure (the database away for a moment) is logged and tried again at the next
/// wake-up; the items wait safely where they are.
/// </summary>
public static class DrainLoop
{
    /// <param name="takeNext">Handles one due item; false when none is due.</param>
    /// <param name="what">Names the worker in the log: "Outbox dispatch".</param>
    public static async Task RunAsync(
        Func<CancellationToken, Task<bool>> takeNext, WakeSignal signal, Func<TimeSpan> pollInterval, ILogger logger, string what, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await takeNext(stoppingToken))
                {
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "{What} failed; will retry", what);
            }

            try
            {
                await signal.WaitAsync(pollInterval(), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
