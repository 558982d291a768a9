using System.Diagnostics;

namespace Benchmarks;

/// <summary>One measured scenario: completed operations, their latencies and what the process allocated meanwhile.</summary>
public sealed record Result(string Name, int Planned, int Errors, double Seconds, double[] SortedMs, long AllocatedBytes)
{
    public int Done => SortedMs.Length;
    public double RequestsPerSecond => Seconds > 0 ? Done / Seconds : 0;
    public double AllocatedPerOp => Done > 0 ? (double)AllocatedBytes / Done : 0;
    public bool Complete => Done == Planned;

    /// <summary>Nearest-rank percentile in ms (NaN when nothing completed).</summary>
    public double P(double percent) =>
        Done == 0 ? double.NaN : SortedMs[Math.Clamp((int)Math.Ceiling(percent / 100 * Done) - 1, 0, Done - 1)];
}

public static class LoadRunner
{
    /// <summary>
    /// Runs <paramref name="count"/> operations with <paramref name="concurrency"/> workers pulling from one
    /// counter. An operation answers false for an unexpected response; it still counts in the latencies.
    /// Stops early (keeping what completed) when <paramref name="cap"/> fires.
    /// </summary>
    public static async Task<Result> RunAsync(string name, int count, int concurrency, Func<CancellationToken, Task<bool>> operation, CancellationToken cap)
    {
        var next = -1;
        var errors = 0;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var clock = Stopwatch.StartNew();
        var perWorker = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<double>();
            while (!cap.IsCancellationRequested && Interlocked.Increment(ref next) < count)
            {
                var start = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await operation(cap);
                }
                catch (OperationCanceledException) when (cap.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception)
                {
                    ok = false;
                }

                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (!ok)
                {
                    Interlocked.Increment(ref errors);
                }
            }

            return latencies;
        })));
        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        var sorted = perWorker.SelectMany(l => l).Order().ToArray();
        return new Result(name, count, errors, clock.Elapsed.TotalSeconds, sorted, allocated);
    }
}
