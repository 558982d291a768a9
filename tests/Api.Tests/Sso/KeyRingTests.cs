using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Api.Data;
using Api.Sso.Keys;
using Api.Sso.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Sso;

/// <summary>Replicas share one key ring: started together they make one key, and trust each other's tokens.</summary>
public sealed class KeyRingTests : IAsyncLifetime
{
    private TwoReplicas replicas = null!;

    public async Task InitializeAsync() => replicas = await TwoReplicas.StartAsync();

    [Fact]
    public async Task Two_replicas_starting_together_make_one_signing_key_and_sign_with_it()
    {
        await using var scope = replicas.First.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<SigningKey>()
            .Where(k => k.Use == SigningKeyUse.Signing).ToListAsync();

        Assert.Single(keys);
        Assert.Equal(keys[0].Id, replicas.First.Services.GetRequiredService<SigningKeyRing>().SigningKeys[0].KeyId);
        Assert.Equal(keys[0].Id, replicas.Second.Services.GetRequiredService<SigningKeyRing>().SigningKeys[0].KeyId);
    }

    [Fact]
    public async Task A_token_signed_by_one_replica_is_accepted_by_the_other()
    {
        var (session, _) = await replicas.First.Services.GetRequiredService<SsoSessionStore>().CreateAsync("someone", ["pwd", "mfa"], legacy: false);
        var token = TestTokens.Create(replicas.First.Services, [new Claim("sub", "someone"), new Claim("sid", session.Id)]);
        using var client = replicas.Second.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await client.GetAsync("/api/portal/me");

        // Authenticated (not 401); "someone" is no portal end user, so 403.
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_rotated_key_is_published_at_once_but_signs_only_after_the_propagation_delay()
    {
        var ring = replicas.First.Services.GetRequiredService<SigningKeyRing>();
        var changes = 0;
        ring.Changed += () => changes++;
        await using var scope = replicas.First.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var current = await db.Set<SigningKey>().SingleAsync(k => k.Use == SigningKeyUse.Signing);
        current.CreatedAt = DateTime.UtcNow.AddDays(-100);
        // The next period's key, as the replica that reaches the period boundary first makes it.
        var next = new SigningKey
        {
            Id = "next-period-key",
            Use = SigningKeyUse.Signing,
            Period = current.Period + 1,
            CreatedAt = DateTime.UtcNow,
            ProtectedMaterial = current.ProtectedMaterial,
        };
        db.Add(next);
        await db.SaveChangesAsync();

        await ring.ReloadAsync();
        Assert.Equal(current.Id, ring.SigningKeys[0].KeyId);
        Assert.Contains(ring.SigningKeys, k => k.KeyId == next.Id);

        next.CreatedAt = DateTime.UtcNow - new SigningKeyOptions().PropagationDelay - TimeSpan.FromMinutes(1);
        await db.SaveChangesAsync();
        await ring.ReloadAsync();
        Assert.Equal(next.Id, ring.SigningKeys[0].KeyId);
        Assert.Contains(ring.SigningKeys, k => k.KeyId == current.Id);
        Assert.Equal(2, changes);
    }

    public async Task DisposeAsync() => await replicas.DisposeAsync();
}
