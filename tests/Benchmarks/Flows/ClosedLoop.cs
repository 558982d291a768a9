using System.Diagnostics;

namespace Benchmarks.Flows;

/// <summary>
/// A fixed number of clients, each starting its next operation as soon as the last one
/// answered, for warm-up + duration without a break. Only operations that complete inside the
/// measured window (after the warm-up) count, so the window starts with the pipeline already
/// full; operations still running at its end are cut and not counted. Gives up early when
/// nothing succeeds, so a broken setup costs seconds, not the whole duration.
/// </summary>
public static class ClosedLoop
{
    private const int HopelessErrors = 50;

    private readonly record struct Outcome(double CompletedAt, double LatencyMs, string? Error);

    public static async Task<FlowResult> RunAsync(
        string scenario, int clients, TimeSpan warmup, TimeSpan duration, Func<int, CancellationToken, Task> operation, CancellationToken cancellationToken)
    {
        var succeeded = 0;
        var failed = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(warmup + duration);
        var clock = Stopwatch.StartNew();
        var perClient = await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var outcomes = new List<Outcome>();
            while (!stop.IsCancellationRequested)
            {
                var start = clock.Elapsed;
                try
                {
                    await operation(client, stop.Token);
                    outcomes.Add(new Outcome(clock.Elapsed.TotalSeconds, (clock.Elapsed - start).TotalMilliseconds, null));
                    Interlocked.Increment(ref succeeded);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    break; // cut by the end of the run: neither a success nor an error
                }
                catch (Exception exception) when (exception is FlowException or HttpRequestException or OperationCanceledException)
                {
                    outcomes.Add(new Outcome(clock.Elapsed.TotalSeconds, 0, $"{exception.GetType().Name}: {exception.Message}"));
                    if (Interlocked.Increment(ref failed) >= HopelessErrors && Volatile.Read(ref succeeded) == 0)
                    {
                        await stop.CancelAsync();
                    }
                }
            }

            return outcomes;
        }, CancellationToken.None)));

        var (from, to) = (warmup.TotalSeconds, (warmup + duration).TotalSeconds);
        var window = perClient.SelectMany(o => o).Where(o => o.CompletedAt >= from && o.CompletedAt <= to).ToList();
        var latencies = window.Where(o => o.Error is null).Select(o => o.LatencyMs).Order().ToList();
        var errors = window.Where(o => o.Error is not null).ToList();
        var firstError = perClient.SelectMany(o => o).Where(o => o.Error is not null).OrderBy(o => o.CompletedAt).Select(o => o.Error).FirstOrDefault();
        return new FlowResult(scenario, clients, latencies.Count, errors.Count, Math.Round(duration.TotalSeconds, 2),
            Math.Round(latencies.Count / duration.TotalSeconds, 1), Percentile(latencies, 50), Percentile(latencies, 99), firstError);
    }

    public static double Percentile(List<double> sorted, double percent) =>
        sorted.Count == 0 ? double.NaN : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Count) - 1, 0, sorted.Count - 1)], 1);
}
