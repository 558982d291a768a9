using System.Net;
using Api.Sso.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Support;

/// <summary>
/// The Api as <see cref="ApiFactory"/> starts it, but served as https://localhost/: the SSO's
/// <c>__Host-</c> cookies are Secure, and an HttpClient only sends those over https. Adds two
/// test-only probes: a client-IP header (the test server has no TCP peer) and a record of the
/// longest password the account hasher was ever given.
/// </summary>
public class SsoApiFactory : ApiFactory
{
    public new const string Issuer = "https://localhost/";

    public PasswordHashingLog Hashing { get; } = new();

    /// <summary>True: the ticket and e-mail limits the Api ships with; false (the default): raised far out of tests' way.</summary>
    protected virtual bool ShippedLimits => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Identity:Issuer", Issuer);
        if (!ShippedLimits)
        {
            // The shared factory proves behaviour, and its tests open many tickets and mail the
            // same few addresses from many partners; the limits themselves are proven, with the
            // shipped numbers, on LimitsApiFactory.
            foreach (var limit in (string[])["TicketsPerUserPerHour", "TicketsPerUserPerDay", "TicketsPerClientPerHour", "TicketsPerClientPerDay"])
            {
                builder.UseSetting($"Portal:Limits:{limit}", "100000");
            }

            builder.UseSetting("Admin:MailLimits:PerRecipientPerDay", "100000");
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter, TestClientIpStartupFilter>();
            services.AddSingleton(Hashing);
            services.AddScoped<IPasswordHasher<SsoAccount>, RecordingPasswordHasher>();
        });
    }
}

[CollectionDefinition(Name)]
public sealed class SsoCollection : ICollectionFixture<SsoApiFactory>
{
    public const string Name = "sso";
}

/// <summary>Sets the connection's remote address from <see cref="SsoDriver.ClientIpHeader"/> (tests only).</summary>
internal sealed class TestClientIpStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[SsoDriver.ClientIpHeader].ToString(), out var ip))
            {
                context.Connection.RemoteIpAddress = ip;
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}

public sealed class PasswordHashingLog
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> checks = new();
    private int longest;
    private int running;
    private int mostAtOnce;

    /// <summary>How many times this exact password was checked against an account's hash.</summary>
    public int ChecksOf(string password) => checks.GetValueOrDefault(password);

    /// <summary>How many checks were made of passwords that start with this prefix (one attacker's guesses).</summary>
    public int ChecksStartingWith(string prefix) => checks.Where(pair => pair.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(pair => pair.Value);

    public void Checked(string password) => checks.AddOrUpdate(password, 1, (_, n) => n + 1);

    /// <summary>The most account password checks that ever ran at the same moment.</summary>
    public int MostChecksAtOnce => Volatile.Read(ref mostAtOnce);

    /// <summary>Brackets one check, so that <see cref="MostChecksAtOnce"/> sees overlaps.</summary>
    public T Running<T>(Func<T> check)
    {
        var now = Interlocked.Increment(ref running);
        int seen;
        do
        {
            seen = Volatile.Read(ref mostAtOnce);
        }
        while (now > seen && Interlocked.CompareExchange(ref mostAtOnce, now, seen) != seen);
        try
        {
            return check();
        }
        finally
        {
            Interlocked.Decrement(ref running);
        }
    }

    /// <summary>The length of the longest password ever hashed or verified against an account's hash.</summary>
    public int LongestPassword => Volatile.Read(ref longest);

    public void Saw(string password)
    {
        int seen;
        do
        {
            seen = Volatile.Read(ref longest);
        }
        while (password.Length > seen && Interlocked.CompareExchange(ref longest, password.Length, seen) != seen);
    }
}

/// <summary>The Api's own hasher, with every password it is handed written down (length only).</summary>
internal sealed class RecordingPasswordHasher(PasswordHashingLog log) : IPasswordHasher<SsoAccount>
{
    private readonly MigratingPasswordHasher inner = new();

    public string HashPassword(SsoAccount user, string password)
    {
        log.Saw(password);
        return inner.HashPassword(user, password);
    }

    public PasswordVerificationResult VerifyHashedPassword(SsoAccount user, string hashedPassword, string providedPassword)
    {
        log.Saw(providedPassword);
        log.Checked(providedPassword);
        return log.Running(() => inner.VerifyHashedPassword(user, hashedPassword, providedPassword));
    }
}

/// <summary>
/// The Api with its cache (Redis protocol) pointing at a port where nothing listens; optionally a
/// cache server can be started there later, to see the Api recover by itself.
/// </summary>
public class CacheDownApiFactory : SsoApiFactory
{
    public int CachePort { get; } = FreePort.Next();

    private ICacheServer? revived;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:cache", $"127.0.0.1:{CachePort},abortConnect=false,connectTimeout=1000,asyncTimeout=2000,syncTimeout=2000");
    }

    /// <summary>The cache comes back: a real Redis-protocol server (this run's engine) on the configured port.</summary>
    public void StartCache() => revived = CacheServers.Start(CachePort);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Interlocked.Exchange(ref revived, null)?.Dispose();
    }
}

/// <summary>
/// The Api on a real Kestrel socket (loopback, plain http): the in-memory test server does not
/// enforce request body size limits, Kestrel does, as in production.
/// </summary>
public sealed class KestrelApiFactory : SsoApiFactory
{
    public KestrelApiFactory() => UseKestrel(0);

    /// <summary>A plain HttpClient on the server's real loopback address; no cookie handling, no redirects.</summary>
    public HttpClient CreateSocketClient()
    {
        StartServer();
        var address = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
        return new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)),
        };
    }
}
