using System.Net;
using Api.Sso.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using StackExchange.Redis;

namespace Api.Tests.Sso;

/// <summary>
/// Sessions on a Redis Cluster (three masters, three replicas), whatever engine the run names: a
/// subject's keys share one hash slot, so listing and ending them all work (a command over two
/// slots would answer CROSSSLOT, a 500 here). <see cref="ClusterFailoverTests"/> takes masters away.
/// </summary>
public sealed class ClusterSessionTests(ClusterApiFactory api) : IClassFixture<ClusterApiFactory>
{
    [Fact]
    public async Task A_users_sessions_share_one_slot_and_a_password_reset_ends_every_one()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var laptop = new SsoDriver(api);
        using var phone = new SsoDriver(api);
        using var tablet = new SsoDriver(api);
        var tokens = new[] { (await laptop.SignInAsync(user)).AccessToken, (await phone.SignInAsync(user)).AccessToken, (await tablet.SignInAsync(user)).AccessToken };
        var redis = api.Services.GetRequiredService<IConnectionMultiplexer>();
        var keys = tokens.SelectMany(token => (string[])[SessionKeys.Session(user.AccountId!, Sid(token)), SessionKeys.Products(user.AccountId!, Sid(token))])
            .Append(SessionKeys.Index(user.AccountId!));

        var listed = await laptop.SendAsync(HttpMethod.Get, "/api/sso/sessions", tokens[0]);
        var reset = await laptop.ResetPasswordAsync(await Journeys.ResetTokenAsync(api, laptop, user), "A-new-and-long-passphrase-42");

        Assert.Single(keys.Select(key => redis.HashSlot(key)).Distinct());
        Assert.Equal(HttpStatusCode.OK, listed.Status);
        Assert.Equal(3, listed.Json!["sessions"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.NoContent, reset.Status);
        foreach (var (browser, token) in new[] { laptop, phone, tablet }.Zip(tokens))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetMeAsync(token)).Status);
        }

        Assert.Equal(0, await Journeys.SessionCountAsync(api, user.AccountId!));
    }

    [Fact]
    public async Task The_operators_status_names_the_cluster_and_its_three_primaries()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var facts = new Api.Status.SystemFacts(scope.ServiceProvider.GetRequiredService<Api.Data.AppDbContext>(), scope.ServiceProvider.GetRequiredService<IConnectionMultiplexer>());

        var status = await facts.ReadAsync(CancellationToken.None);

        Assert.StartsWith("Redis Cluster 7.", status.CacheServer);
        Assert.EndsWith(", 3 primaries", status.CacheServer);
    }

    private static string Sid(string accessToken) => new JsonWebTokenHandler().ReadJsonWebToken(accessToken).GetClaim("sid").Value;
}
