using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;

namespace Benchmarks.Orchestration;

/// <summary>
/// The Api's own runtime counters, read from outside its process over EventPipe (what
/// dotnet-counters shows): the bytes it allocated while a load ran (the sum of "alloc-rate",
/// published each second) and its largest working set meanwhile.
/// </summary>
public sealed class RuntimeCounters
{
    private readonly EventPipeSession session;
    private readonly Task processing;
    private double allocated;
    private double workingSetMb;
    private int samples;

    private RuntimeCounters(int processId)
    {
        var client = new DiagnosticsClient(processId);
        session = client.StartEventPipeSession(
            [new EventPipeProvider("System.Runtime", EventLevel.Informational, -1, new Dictionary<string, string> { ["EventCounterIntervalSec"] = "1" })],
            requestRundown: false);
        var source = new EventPipeEventSource(session.EventStream);
        source.Dynamic.All += OnEvent;
        processing = Task.Run(source.Process);
    }

    public static RuntimeCounters Start(int processId) => new(processId);

    /// <summary>Stops listening; answers the bytes allocated and the peak working set (bytes) seen, or nulls when no counter arrived.</summary>
    public async Task<(long? AllocatedBytes, long? PeakWorkingSet)> StopAsync()
    {
        // One more publication so the last second of the load is counted.
        await Task.Delay(1_100);
        await session.StopAsync(CancellationToken.None);
        await processing;
        session.Dispose();
        return samples == 0 ? (null, null) : ((long)allocated, (long)(workingSetMb * 1024 * 1024));
    }

    private void OnEvent(TraceEvent data)
    {
        if (data.EventName != "EventCounters" || data.PayloadValue(0) is not IDictionary<string, object> outer
            || outer["Payload"] is not IDictionary<string, object> payload || payload["Name"] is not string name)
        {
            return;
        }

        switch (name)
        {
            case "alloc-rate":
                allocated += Convert.ToDouble(payload["Increment"], System.Globalization.CultureInfo.InvariantCulture);
                samples++;
                break;
            case "working-set":
                workingSetMb = Math.Max(workingSetMb, Convert.ToDouble(payload["Mean"], System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }
}
