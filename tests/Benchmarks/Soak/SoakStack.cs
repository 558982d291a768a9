using System.Security.Cryptography;
using Api.Data;
using Api.Portal.Branding;
using Benchmarks.Orchestration;
using Benchmarks.Seeding;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmarks.Soak;

/// <summary>
/// The soak's deployment, each part its own process: a Redis Cluster, smtp4dev, the OTLP sink, three Api
/// replicas (one Release build, one settings set: one SQLite file in WAL mode, one Redis, the key
/// ring and signing keys in that database) and YARP in front of them. Seeded like the bench.
/// </summary>
public sealed class SoakStack : IAsyncDisposable
{
    /// <summary>Where the partner's support mailbox is: every ticket opened in the soak mails it.</summary>
    public const string SupportMailbox = "support@bench.test";

    /// <summary>Deviations from the Api's defaults beyond the bench's (printed in the header), and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> Deviations = new Dictionary<string, string>
    {
        // The load opens tickets all along the run from one client company.
        ["Portal:Limits:TicketsPerUserPerHour"] = "1000000",
        ["Portal:Limits:TicketsPerUserPerDay"] = "1000000",
        ["Portal:Limits:TicketsPerClientPerHour"] = "1000000",
        ["Portal:Limits:TicketsPerClientPerDay"] = "1000000",
        // A replica killed mid-send or mid-batch holds a lease; short leases let the run see the takeover.
        ["Mail:Lease"] = "00:00:20",
        ["Migration:Lease"] = "00:00:15",
        ["Migration:PollInterval"] = "00:00:05",
        // smtp4dev on loopback speaks plain SMTP (Production otherwise insists on STARTTLS).
        ["Mail:Security"] = "None",
        ["Mail:AllowPlainTextToLoopbackRelay"] = "true",
    };

    private readonly string folder = Path.Combine(Path.GetTempPath(), $"eup-soak-{Guid.NewGuid():N}");
    private Api.Tests.Support.RedisClusterProcess? redis;
    private OtlpSink? sink;
    private WebApplication? seeding;

    public required string RepoRoot { get; init; }

    public ReplicaSet Replicas { get; private set; } = null!;

    public ReverseProxy Proxy { get; private set; } = null!;

    public MailServerProcess Mail { get; private set; } = null!;

    /// <summary>The cache: a Redis Cluster whose masters the soak can fail over.</summary>
    public Api.Tests.Support.RedisClusterProcess Cache => redis!;

    public BenchSeed Seed { get; private set; } = null!;

    public string CacheDescription { get; private set; } = "";

    public string Folder => folder;

    /// <summary>The Api's own services in this process, on the same database: to read what the replicas wrote.</summary>
    public IServiceProvider Services => seeding!.Services;

    public static async Task<SoakStack> StartAsync(string repoRoot, SoakOptions options, CancellationToken cancellationToken)
    {
        var stack = new SoakStack { RepoRoot = repoRoot };
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

    private async Task StartInsideAsync(SoakOptions options, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var cluster = Task.Run(() => new Api.Tests.Support.RedisClusterProcess(), cancellationToken);
        Mail = new MailServerProcess(RepoRoot, folder, FreePort.Next(), FreePort.Next());
        var mailStarting = Mail.StartAsync(cancellationToken);
        redis = await cluster;
        CacheDescription = $"Redis Cluster of Debian's redis-server, 3 masters + 3 replicas (ports {string.Join(", ", redis.Ports)})";
        sink = new OtlpSink();
        var proxyPort = FreePort.Next();
        var settings = new Dictionary<string, string>(BenchStack.Deviations.Concat(Deviations))
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:db"] = $"Data Source={Path.Combine(folder, "soak.db")}",
            ["ConnectionStrings:cache"] = redis.ConnectionString,
            ["ConnectionStrings:mail"] = $"smtp://127.0.0.1:{Mail.SmtpPort}",
            ["Identity:AllowHttp"] = "true",
            // Every replica signs as the address users see: the proxy's.
            ["Identity:Issuer"] = $"http://127.0.0.1:{proxyPort}/",
            ["Identity:RecoveryCodeKey"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)),
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = sink.Endpoint.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = "api",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };

        Console.WriteLine("Seeding the SQLite file (migrations, then bulk SQL)…");
        seeding = SeedingHost.Build(Orchestration.RepoRoot.ApiBinaries(RepoRoot), settings);
        Seed = await BenchSeeder.SeedAsync(seeding.Services, options.Seed, folder, cancellationToken);
        await ConfirmSupportMailboxAsync(cancellationToken);
        await mailStarting;
        Console.WriteLine($"Seeded in {clock.Elapsed.TotalSeconds:0} s. Starting {SoakOptions.Replicas} Api replicas (dotnet Api.dll, Production)…");
        clock.Restart();
        Replicas = new ReplicaSet(RepoRoot, settings, [.. Enumerable.Range(0, SoakOptions.Replicas).Select(_ => FreePort.Next())]);
        await Replicas.StartAllAsync(cancellationToken);
        Proxy = await ReverseProxy.StartAsync(proxyPort, Replicas.Addresses, TimeSpan.FromSeconds(1));
        Console.WriteLine($"Replicas ready in {clock.Elapsed.TotalSeconds:0.0} s: {string.Join(", ", Enumerable.Range(0, Replicas.Count).Select(Replicas.Describe))}; YARP at {Proxy.Address}.");
    }

    /// <summary>The portal partner's support mailbox, confirmed (as Settings &gt; Branding does): a new ticket mails it.</summary>
    private async Task ConfirmSupportMailboxAsync(CancellationToken cancellationToken)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var partner = await db.Partners.SingleAsync(p => p.Name == "Bench Portal Partner", cancellationToken);
        db.PartnerBrandings.Add(new PartnerBranding { PartnerId = partner.Id, SupportEmail = SupportMailbox, SupportEmailConfirmedAt = DateTime.UtcNow });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }

        Replicas?.Dispose();
        if (seeding is not null)
        {
            await seeding.DisposeAsync();
        }

        Mail?.Dispose();
        redis?.Dispose();
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
