using System.Diagnostics;

namespace Benchmarks.Flows;

/// <summary>
/// A fixed number of clients, each starting its next operation as soon as the last one
/// answered, for a fixed time (after an unmeasured warm-up). Gives up early when nothing
/// succeeds, so a broken setup costs seconds, not the whole duration.
/// </summary>
public static class ClosedLoop
{
    private const int HopelessErrors = 50;

    public static async Task<FlowResult> RunAsync(
        string scenario, int clients, TimeSpan warmup, TimeSpan duration, Func<int, CancellationToken, Task> operation, CancellationToken cancellationToken)
    {
        if (warmup > TimeSpan.Zero)
        {
            await MeasureAsync(clients, warmup, operation, cancellationToken);
        }

        var (latencies, errors, firstError, seconds) = await MeasureAsync(clients, duration, operation, cancellationToken);
        latencies.Sort();
        return new FlowResult(scenario, clients, latencies.Count, errors, Math.Round(seconds, 2),
            Math.Round(latencies.Count / seconds, 1), Percentile(latencies, 50), Percentile(latencies, 99), firstError);
    }

    public static double Percentile(List<double> sorted, double percent) =>
        sorted.Count == 0 ? double.NaN : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Count) - 1, 0, sorted.Count - 1)], 1);

    private static async Task<(List<double> Latencies, int Errors, string? FirstError, double Seconds)> MeasureAsync(
        int clients, TimeSpan duration, Func<int, CancellationToken, Task> operation, CancellationToken cancellationToken)
    {
        var errors = 0;
        var succeeded = 0;
        string? firstError = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(duration);
        var clock = Stopwatch.StartNew();
        var perClient = await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var latencies = new List<double>();
            while (!stop.IsCancellationRequested)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    await operation(client, stop.Token);
                    latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    Interlocked.Increment(ref succeeded);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    break; // cut by the end of the measurement: neither a success nor an error
                }
                catch (Exception exception) when (exception is FlowException or HttpRequestException or OperationCanceledException)
                {
                    Interlocked.CompareExchange(ref firstError, $"{exception.GetType().Name}: {exception.Message}", null);
                    if (Interlocked.Increment(ref errors) >= HopelessErrors && Volatile.Read(ref succeeded) == 0)
                    {
                        await stop.CancelAsync();
                    }
                }
            }

            return latencies;
        }, CancellationToken.None)));
        return ([.. perClient.SelectMany(l => l)], errors, firstError, clock.Elapsed.TotalSeconds);
    }
}
