namespace Benchmarks.Orchestration;

/// <summary>
/// The Api as it is published: <c>dotnet Api.dll</c> from its Release output, in Production, on the
/// bench's SQLite file, Garnet and OTLP sink. Ready when GET /alive answers 200.
/// </summary>
public sealed class ApiProcess : IDisposable
{
    private readonly ChildProcess process;

    private ApiProcess(ChildProcess process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>http://127.0.0.1:{port}/ — also the issuer.</summary>
    public Uri BaseAddress { get; }

    public int ProcessId => process.Process.Id;

    public string Tail => process.Tail;

    public static async Task<ApiProcess> StartAsync(string repoRoot, IReadOnlyDictionary<string, string> settings, int port, CancellationToken cancellationToken)
    {
        var binaries = RepoRoot.ApiBinaries(repoRoot);
        var dll = Path.Combine(binaries, "Api.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build the bench (dotnet run -c Release --project tests/Benchmarks builds the Api with it).");
        }

        // Configuration as environment variables, the way a deployment passes it ("Section:Key" → "Section__Key").
        var environment = settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        var api = new ApiProcess(ChildProcess.Start("dotnet", [dll], binaries, environment), new Uri($"http://127.0.0.1:{port}/"));
        // Cancelled while it starts (Ctrl+C, the soak ending): the process must not outlive the bench.
        using var stop = cancellationToken.Register(api.Dispose);
        using var http = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline && !api.process.HasExited)
        {
            try
            {
                using var alive = await http.GetAsync("alive", cancellationToken);
                if (alive.IsSuccessStatusCode)
                {
                    return api;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(200, cancellationToken);
        }

        var why = api.Tail;
        api.Dispose();
        throw new InvalidOperationException($"The Api did not answer GET /alive within 120 s:{Environment.NewLine}{why}");
    }

    /// <summary>The Api process's working set now, in bytes.</summary>
    public long WorkingSet()
    {
        process.Process.Refresh();
        return process.Process.WorkingSet64;
    }

    /// <summary>Samples the working set every ~20 ms while <paramref name="work"/> runs; answers the work's result, the set before it and the peak.</summary>
    public async Task<(T Result, long Before, long Peak)> PeakWorkingSetDuringAsync<T>(Func<Task<T>> work)
    {
        var before = WorkingSet();
        var peak = before;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, WorkingSet());
                try
                {
                    await Task.Delay(20, stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });
        var result = await work();
        await stop.CancelAsync();
        await sampler;
        return (result, before, Math.Max(peak, WorkingSet()));
    }

    public void Dispose() => process.Dispose();
}
