using System.Net;
using System.Text.Json.Nodes;
using Api.Data;
using Api.Sso.Keys;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Api.Tests.Sso;

/// <summary>
/// Tokens are signed RS256 (the default) or ES256 (<c>Identity:Keys:Algorithm</c>), and a switch is
/// a rotation: the new kind's key is in the JWKS at once, signs only after the propagation delay,
/// and the old kind's key stays in the JWKS and keeps validating the tokens it signed.
/// </summary>
public sealed class SigningAlgorithmTests : IAsyncLifetime
{
    private TwoReplicas replicas = null!;
    private WebApplicationFactory<Program> ecReplica = null!;

    public async Task InitializeAsync()
    {
        replicas = await TwoReplicas.StartAsync(SsoApiFactory.Issuer);
        // The same database and Redis, configured for ES256: a replica after the switch.
        ecReplica = replicas.Second.WithWebHostBuilder(builder => builder.UseSetting("Identity:Keys:Algorithm", SecurityAlgorithms.EcdsaSha256));
    }

    [Fact]
    public async Task Switching_to_es256_signs_with_the_new_key_after_the_delay_and_tokens_of_either_kind_validate()
    {
        var user = await SsoUsers.CreateAsync(replicas.First.Services, SsoUserState.Enrolled);
        using var before = new SsoDriver(replicas.First);
        var rsaToken = (await before.SignInAsync(user)).AccessToken;
        Assert.Equal(SecurityAlgorithms.RsaSha256, new JsonWebToken(rsaToken).Alg);

        // Just switched: the ECDSA key is published, the RSA key still signs.
        var ring = ecReplica.Services.GetRequiredService<SigningKeyRing>();
        Assert.IsType<RsaSecurityKey>(ring.SigningKeys[0]);
        Assert.Equal(["EC", "RSA"], await KeyTypesInJwksAsync());

        await BackdateEcKeyPastThePropagationDelayAsync();
        await ring.InitializeAsync();

        Assert.IsType<ECDsaSecurityKey>(ring.SigningKeys[0]);
        using var after = new SsoDriver(ecReplica);
        var ecToken = (await after.SignInAsync(user)).AccessToken;
        Assert.Equal(SecurityAlgorithms.EcdsaSha256, new JsonWebToken(ecToken).Alg);
        Assert.Equal(HttpStatusCode.OK, (await after.GetMeAsync(ecToken)).Status);
        // The RSA key is retired, but stays published and validates what it signed.
        Assert.Equal(HttpStatusCode.OK, (await after.GetMeAsync(rsaToken)).Status);
        Assert.Equal(["EC", "RSA"], await KeyTypesInJwksAsync());
    }

    private async Task<List<string>> KeyTypesInJwksAsync()
    {
        using var http = ecReplica.CreateDefaultClient(new Uri(SsoApiFactory.Issuer));
        var jwks = JsonNode.Parse(await http.GetStringAsync("/.well-known/jwks"))!["keys"]!.AsArray();
        return [.. jwks.Select(key => key!["kty"]!.GetValue<string>()).Order()];
    }

    private async Task BackdateEcKeyPastThePropagationDelayAsync()
    {
        await using var scope = ecReplica.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ecKey = await db.Set<SigningKey>().SingleAsync(k => k.Use == SigningKeyUse.EcSigning);
        ecKey.CreatedAt = DateTime.UtcNow - new SigningKeyOptions().PropagationDelay - TimeSpan.FromMinutes(1);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await ecReplica.DisposeAsync();
        await replicas.DisposeAsync();
    }
}
