using Benchmarks.Orchestration;

namespace Benchmarks.Soak;

/// <summary>
/// Three Api processes from the same Release build with the same settings (one SQLite file, one
/// Redis, one key ring and signing keys in that database), each on its own port for the proxy.
/// A kill is SIGKILL (no graceful shutdown: what a crash or an OOM kill does); a restart starts the
/// same build on the same port.
/// </summary>
public sealed class ReplicaSet(string repoRoot, IReadOnlyDictionary<string, string> settings, IReadOnlyList<int> ports) : IDisposable
{
    private readonly ApiProcess?[] replicas = new ApiProcess?[ports.Count];

    public IReadOnlyList<Uri> Addresses => [.. ports.Select(p => new Uri($"http://127.0.0.1:{p}/"))];

    public int Count => ports.Count;

    public async Task StartAllAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(Enumerable.Range(0, ports.Count).Select(i => RestartAsync(i, cancellationToken)));
    }

    /// <summary>SIGKILL (Process.Kill on Linux), then waits until the process is gone.</summary>
    public void Kill(int replica)
    {
        replicas[replica]?.Dispose();
        replicas[replica] = null;
    }

    public async Task RestartAsync(int replica, CancellationToken cancellationToken)
    {
        Kill(replica);
        replicas[replica] = await ApiProcess.StartAsync(repoRoot, settings, ports[replica], cancellationToken);
    }

    /// <summary>The replica whose process has this id, if it is one of them.</summary>
    public int? WithProcessId(int processId) =>
        Enumerable.Range(0, replicas.Length).Cast<int?>().FirstOrDefault(i => replicas[i!.Value]?.ProcessId == processId);

    /// <summary>The last lines the replica's current process printed (its warnings and errors), for a failed soak.</summary>
    public string Tail(int replica) => replicas[replica]?.Tail ?? "";

    public string Describe(int replica) => replicas[replica] is { } api ? $"replica {replica} (pid {api.ProcessId}, port {ports[replica]})" : $"replica {replica} (down)";

    public void Dispose()
    {
        for (var i = 0; i < replicas.Length; i++)
        {
            Kill(i);
        }
    }
}
