using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Api.Data;
using Api.Portal;
using Api.Portal.Branding;
using Api.Sso.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Portal;

/// <summary>
/// The portal's profile read as two replicas on one database and one Redis see it: each answers
/// the same profile, and a session ended through one replica (logout, or a disable that ends all
/// of the user's sessions) is refused by the other on the very next request, however many arrive.
/// </summary>
public sealed class PortalMeReplicaTests : IAsyncLifetime
{
    private const string AccountId = "account-of-rita";

    private TwoReplicas replicas = null!;
    private Guid legacyUserId;

    public async Task InitializeAsync()
    {
        replicas = await TwoReplicas.StartAsync();

        await using var scope = replicas.First.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var partner = new Partner { Name = "Replica IT" };
        var client = new Client { Name = "Replica Client", Partner = partner };
        db.AddRange(
            partner,
            new PartnerBranding { Partner = partner, Color = "#123456", SupportEmail = "help@replica.test", SupportHours = "Always", UpdatedAt = DateTime.UtcNow },
            new EndUser { Client = client, Email = "rita@replica.test", DisplayName = "Rita Replica", MigratedToSso = true, SsoAccountId = AccountId },
            new EndUser { Client = client, Email = "lars@replica.test", DisplayName = "Lars Legacy", Role = EndUserRoles.ClientManager });
        await db.SaveChangesAsync();
        legacyUserId = db.EndUsers.Local.Single(u => u.Email == "lars@replica.test").Id;
    }

    [Fact]
    public async Task Both_replicas_answer_the_same_profile_with_the_partners_branding_and_support()
    {
        var token = await TokenAsync(AccountId);

        var fromFirst = await GetMeAsync(replicas.First, token);
        var fromSecond = await GetMeAsync(replicas.Second, token);

        Assert.Equal(HttpStatusCode.OK, fromFirst.Status);
        Assert.Equal(fromFirst.Body, fromSecond.Body);
        var me = JsonNode.Parse(fromFirst.Body)!;
        Assert.Equal("Rita Replica", me["name"]!.GetValue<string>());
        Assert.Equal("Replica Client", me["clientName"]!.GetValue<string>());
        Assert.Equal("Replica IT", me["partnerName"]!.GetValue<string>());
        Assert.False(me["canChangePassword"]!.GetValue<bool>());
        Assert.Equal("#123456", me["branding"]!["color"]!.GetValue<string>());
        Assert.Null(me["branding"]!["logoUrl"]);
        Assert.Equal("help@replica.test", me["support"]!["email"]!.GetValue<string>());
        Assert.Null(me["support"]!["phone"]);
        Assert.Equal("Always", me["support"]!["hours"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_legacy_session_reads_the_legacy_user_who_may_change_their_password()
    {
        var token = await TokenAsync(LegacySubject.Of(legacyUserId));

        var answer = await GetMeAsync(replicas.Second, token);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var me = JsonNode.Parse(answer.Body)!;
        Assert.Equal("Lars Legacy", me["name"]!.GetValue<string>());
        Assert.True(me["canChangePassword"]!.GetValue<bool>());
        Assert.Equal(EndUserRoles.ClientManager, me["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_logout_through_one_replica_is_refused_by_the_other_at_once_for_fifty_parallel_requests()
    {
        var (session, _) = await replicas.First.Services.GetRequiredService<SsoSessionStore>().CreateAsync(AccountId, ["pwd", "mfa"], legacy: false);
        var token = Token(session.Id, AccountId);
        Assert.Equal(HttpStatusCode.OK, (await GetMeAsync(replicas.Second, token)).Status);

        await replicas.First.Services.GetRequiredService<SsoSessionStore>().RevokeAsync(session.Subject, session.Id);

        await AssertAllRefusedAsync(token);
    }

    [Fact]
    public async Task Ending_all_of_a_users_sessions_through_one_replica_is_refused_by_the_other_at_once()
    {
        var tokens = new[] { await TokenAsync(AccountId), await TokenAsync(AccountId) };
        Assert.All(await Task.WhenAll(tokens.Select(t => GetMeAsync(replicas.Second, t))), me => Assert.Equal(HttpStatusCode.OK, me.Status));

        // What a disable, delete, password reset or MFA reset does.
        await replicas.First.Services.GetRequiredService<SsoSessionStore>().RevokeAllAsync(AccountId);

        foreach (var token in tokens)
        {
            await AssertAllRefusedAsync(token);
        }
    }

    private async Task AssertAllRefusedAsync(string token)
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => GetMeAsync(i % 2 == 0 ? replicas.Second : replicas.First, token)));
        Assert.All(answers, me => Assert.Equal(HttpStatusCode.Unauthorized, me.Status));
    }

    private async Task<string> TokenAsync(string subject)
    {
        var (session, _) = await replicas.First.Services.GetRequiredService<SsoSessionStore>().CreateAsync(subject, ["pwd", "mfa"], legacy: subject.StartsWith(LegacySubject.Prefix, StringComparison.Ordinal));
        return Token(session.Id, subject);
    }

    private string Token(string sid, string subject) =>
        TestTokens.Create(replicas.First.Services, [new Claim("sub", subject), new Claim("sid", sid)]);

    private static async Task<(HttpStatusCode Status, string Body)> GetMeAsync(SharedStoreApi replica, string token)
    {
        using var client = replica.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync("/api/portal/me");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync() => await replicas.DisposeAsync();
}
