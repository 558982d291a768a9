using System.Security.Cryptography;
using Benchmarks.Seeding;
using Microsoft.AspNetCore.Builder;

namespace Benchmarks.Orchestration;

/// <summary>
/// Everything one run needs, each in its own process: a temp folder with the SQLite file (migrated
/// and seeded here first), Garnet, the OTLP sink and the Api (Release, Production). Disposing ends
/// what it started and deletes the folder.
/// </summary>
public sealed class BenchStack : IAsyncDisposable
{
    /// <summary>The one deviation from the Api's defaults: all load comes from 127.0.0.1, so the per-IP limits are raised.</summary>
    public static readonly IReadOnlyDictionary<string, string> Deviations = new Dictionary<string, string>
    {
        ["Identity:Throttling:IpFailureLimit"] = "1000000000",
        ["Identity:Throttling:LoginStartsPerIp"] = "1000000000",
        // The webhook scenario's receiver listens on loopback, over http (no TLS on loopback).
        ["Webhooks:AllowLoopback"] = "true",
    };

    private readonly string folder = Path.Combine(Path.GetTempPath(), $"eup-bench-{Guid.NewGuid():N}");
    private ChildProcess? garnet;
    private OtlpSink? sink;
    private WebApplication? seeding;

    public required string RepoRoot { get; init; }

    public ApiProcess Api { get; private set; } = null!;

    public BenchSeed Seed { get; private set; } = null!;

    public OtlpSink Telemetry => sink!;

    /// <summary>The Api's own services in this process (same database, Redis and key ring): used to seed, and to read what the Api wrote.</summary>
    public IServiceProvider Services => seeding!.Services;

    public static async Task<BenchStack> StartAsync(string repoRoot, BenchOptions options, CancellationToken cancellationToken)
    {
        var stack = new BenchStack { RepoRoot = repoRoot };
        try
        {
            await stack.StartInsideAsync(options, cancellationToken);
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    private async Task StartInsideAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        (garnet, var garnetPort) = await GarnetProcess.StartAsync(RepoRoot, cancellationToken);
        sink = new OtlpSink();
        var port = FreePort.Next();
        var settings = new Dictionary<string, string>(Deviations)
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:db"] = $"Data Source={Path.Combine(folder, "bench.db")}",
            ["ConnectionStrings:cache"] = $"127.0.0.1:{garnetPort},abortConnect=false",
            // Nothing the bench does sends mail (migration sends none); a closed port if something tried.
            ["ConnectionStrings:mail"] = "smtp://127.0.0.1:1",
            ["Identity:AllowHttp"] = "true",
            ["Identity:Issuer"] = $"http://127.0.0.1:{port}/",
            ["Identity:RecoveryCodeKey"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = sink.Endpoint.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = "api",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };

        var clock = System.Diagnostics.Stopwatch.StartNew();
        Console.WriteLine("Seeding the SQLite file (migrations, then bulk SQL)…");
        seeding = SeedingHost.Build(Orchestration.RepoRoot.ApiBinaries(RepoRoot), settings);
        Seed = await BenchSeeder.SeedAsync(seeding.Services, options, folder, cancellationToken);
        Console.WriteLine($"Seeded in {clock.Elapsed.TotalSeconds:0} s. Starting the Api (dotnet Api.dll, Production)…");
        clock.Restart();
        Api = await ApiProcess.StartAsync(RepoRoot, settings, port, cancellationToken);
        Console.WriteLine($"Api ready at {Api.BaseAddress} in {clock.Elapsed.TotalSeconds:0.0} s (pid {Api.ProcessId}).");
    }

    public async ValueTask DisposeAsync()
    {
        Api?.Dispose();
        if (seeding is not null)
        {
            await seeding.DisposeAsync();
        }

        garnet?.Dispose();
        if (sink is not null)
        {
            await sink.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
