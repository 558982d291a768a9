using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using Api.Sso.Accounts;
using Api.Sso.Keys;
using Api.Sso.Sessions;
using Garnet;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Benchmarks;

/// <summary>
/// The Api in-process on real Kestrel (127.0.0.1, free port), in Development (migrations + seed),
/// on its own temp SQLite file and an embedded Garnet. Condensed from tests/Api.Tests/Infrastructure.
/// </summary>
public sealed class BenchApi : WebApplicationFactory<Program>
{
    public const string Issuer = "http://localhost/";

    private readonly string databaseFile = Path.Combine(Path.GetTempPath(), $"eup-bench-{Guid.NewGuid():N}.db");
    private readonly GarnetServer garnet;
    private readonly int garnetPort = FreeTcpPort();

    public BenchApi()
    {
        garnet = new GarnetServer(["--bind", "127.0.0.1", "--port", garnetPort.ToString(), "--lua"]);
        garnet.Start();
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:db", $"Data Source={databaseFile}");
        builder.UseSetting("ConnectionStrings:cache", $"127.0.0.1:{garnetPort},abortConnect=false");
        builder.UseSetting("ConnectionStrings:mail", "smtp://127.0.0.1:1");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Identity:Issuer", Issuer);
        // All load comes from 127.0.0.1: without these the per-IP limits (30 failures, 100 sign-in
        // starts a minute) would switch the password step to its "blocked" path after 30 requests
        // and refuse starts with 429. Console logging off the hot path.
        builder.UseSetting("Identity:Throttling:IpFailureLimit", "1000000000");
        builder.UseSetting("Identity:Throttling:LoginStartsPerIp", "1000000000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    /// <summary>Starts Kestrel (migrations, keys and seed run first) and returns its http://127.0.0.1:port/ address.</summary>
    public Uri Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.TrimEnd('/') + "/");
    }

    /// <summary>A real SSO session in Redis for a seeded user, and an access token for it signed like the provider's.</summary>
    public async Task<string> TokenForAsync(string email, TimeSpan lifetime)
    {
        await using var scope = Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<UserManager<SsoAccount>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"{email} is not seeded.");
        var (session, _) = await scope.ServiceProvider.GetRequiredService<SsoSessionStore>().CreateAsync(account.Id, ["pwd", "mfa", "otp"], legacy: false);
        var key = Services.GetRequiredService<SigningKeyRing>().SigningKeys[0];
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = TokenValidationExtensions.ApiAudience,
            Subject = new ClaimsIdentity([new("sub", account.Id), new("sid", session.Id), new("amr", "pwd"), new("amr", "mfa")]),
            NotBefore = now,
            IssuedAt = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        garnet.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(databaseFile);
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
