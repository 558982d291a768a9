using System.Net;
using System.Net.Http.Json;
using System.IdentityModel.Tokens.Jwt;
using System.Text.Json;
using Api.Sso.Passkeys;
using Api.Sso.Sessions;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Api.Tests.Sso.Passkeys;

/// <summary>Edit Profile → Security on the SSO side: the user's passkeys listed, added, renamed, removed, each change mailed.</summary>
[Collection(SsoCollection.Name)]
public sealed class PasskeyAccountTests(SsoApiFactory api)
{
    [Fact]
    [Trait("ASVS", "2.2.3")]
    public async Task The_owner_lists_adds_renames_and_removes_passkeys_and_is_mailed_of_each_change()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Activated);
        using var laptop = new SoftwareAuthenticator();
        using var phone = new SoftwareAuthenticator(synced: true);
        using var browser = new SsoDriver(api);
        var tokens = await browser.FinishSignInAsync(await browser.EnrolPasskeyAsync(user, laptop, "Laptop"));

        var options = await browser.SendAsync(HttpMethod.Post, "/api/sso/passkeys/options", tokens.AccessToken);
        var added = await browser.SendAsync(HttpMethod.Post, "/api/sso/passkeys", tokens.AccessToken,
            JsonContent.Create(new { credential = phone.Create(SsoDriver.PublicKeyOf(options)), name = "Phone" }));
        Assert.Equal(HttpStatusCode.Created, added.Status);

        var list = (await browser.SendAsync(HttpMethod.Get, "/api/sso/passkeys", tokens.AccessToken)).Json!["passkeys"]!.AsArray();
        Assert.Equal(2, list.Count);
        Assert.Contains(list, p => p!["name"]!.GetValue<string>() == "Phone" && p["synced"]!.GetValue<bool>());
        Assert.Contains(list, p => p!["name"]!.GetValue<string>() == "Laptop" && !p["synced"]!.GetValue<bool>());

        var renamed = await browser.SendAsync(HttpMethod.Put, $"/api/sso/passkeys/{phone.Id}/name", tokens.AccessToken, JsonContent.Create(new { name = "Work phone" }));
        Assert.Equal(HttpStatusCode.NoContent, renamed.Status);

        var removed = await browser.SendAsync(HttpMethod.Delete, $"/api/sso/passkeys/{phone.Id}", tokens.AccessToken);
        Assert.Equal(HttpStatusCode.NoContent, removed.Status);
        var again = await browser.SendAsync(HttpMethod.Delete, $"/api/sso/passkeys/{phone.Id}", tokens.AccessToken);
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
        Assert.Equal(PasskeyProblems.NotFound, again.Detail);

        Assert.Equal(2, (await Mailbox.WaitForAsync(api.Services, user.Email, "passkey-added", count: 2)).Count);
        Assert.Single(await Mailbox.WaitForAsync(api.Services, user.Email, "passkey-removed"));

        using var signIn = new SsoDriver(api);
        await signIn.BeginSignInAsync();
        var refused = await signIn.SignInWithPasskeyAsync(user, phone);
        Assert.Equal(PasskeyProblems.NotVerified, refused.Detail);
        using var stillWorks = new SsoDriver(api);
        await stillWorks.BeginSignInAsync();
        Assert.Equal("done", (await stillWorks.SignInWithPasskeyAsync(user, laptop)).Step);
    }

    [Fact]
    public async Task Another_users_passkey_cannot_be_renamed_or_removed()
    {
        var owner = await SsoUsers.CreateAsync(api.Services, SsoUserState.Activated);
        var other = await SsoUsers.CreateAsync(api.Services, SsoUserState.Activated);
        using var ownersKey = new SoftwareAuthenticator();
        using var othersKey = new SoftwareAuthenticator();
        using var ownerBrowser = new SsoDriver(api);
        await ownerBrowser.FinishSignInAsync(await ownerBrowser.EnrolPasskeyAsync(owner, ownersKey));
        using var otherBrowser = new SsoDriver(api);
        var tokens = await otherBrowser.FinishSignInAsync(await otherBrowser.EnrolPasskeyAsync(other, othersKey));

        var rename = await otherBrowser.SendAsync(HttpMethod.Put, $"/api/sso/passkeys/{ownersKey.Id}/name", tokens.AccessToken, JsonContent.Create(new { name = "Mine now" }));
        var remove = await otherBrowser.SendAsync(HttpMethod.Delete, $"/api/sso/passkeys/{ownersKey.Id}", tokens.AccessToken);

        Assert.Equal(HttpStatusCode.NotFound, rename.Status);
        Assert.Equal(HttpStatusCode.NotFound, remove.Status);
        using var signIn = new SsoDriver(api);
        await signIn.BeginSignInAsync();
        Assert.Equal("done", (await signIn.SignInWithPasskeyAsync(owner, ownersKey)).Step);
    }

    [Fact]
    public async Task Removing_or_adding_a_passkey_needs_a_sign_in_of_the_last_five_minutes()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Activated);
        using var laptop = new SoftwareAuthenticator();
        using var browser = new SsoDriver(api);
        var tokens = await browser.FinishSignInAsync(await browser.EnrolPasskeyAsync(user, laptop));

        await SignedInAgoAsync(tokens.AccessToken, TimeSpan.FromMinutes(6));
        var remove = await browser.SendAsync(HttpMethod.Delete, $"/api/sso/passkeys/{laptop.Id}", tokens.AccessToken);
        var add = await browser.SendAsync(HttpMethod.Post, "/api/sso/passkeys/options", tokens.AccessToken);

        foreach (var refused in (SsoResponse[])[remove, add])
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
            Assert.Equal(PasskeyProblems.NeedsFreshSignIn, refused.Detail);
        }

        Assert.Single((await browser.SendAsync(HttpMethod.Get, "/api/sso/passkeys", tokens.AccessToken)).Json!["passkeys"]!.AsArray());
        Assert.Empty(await Mailbox.MessagesAsync(api.Services, user.Email, "passkey-removed"));
    }

    [Fact]
    [Trait("ASVS", "2.8.6")]
    public async Task This_was_not_me_from_a_passkey_notice_removes_the_passkey_and_ends_the_intruders_session()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Activated);
        // Someone who knows the password adds their own passkey at the first sign-in.
        using var intrudersKey = new SoftwareAuthenticator();
        using var intruder = new SsoDriver(api);
        var tokens = await intruder.FinishSignInAsync(await intruder.EnrolPasskeyAsync(user, intrudersKey));
        var notice = Assert.Single(await Mailbox.MessagesAsync(api.Services, user.Email, "passkey-added"));

        using var owner = new SsoDriver(api);
        var answer = await owner.PostAsync("/api/sso/authenticator/not-me", new { token = Mailbox.TokenIn(notice, "not-me") });

        Assert.Equal(HttpStatusCode.NoContent, answer.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await intruder.GetMeAsync(tokens.AccessToken)).Status);
        using var again = new SsoDriver(api);
        await again.BeginSignInAsync();
        Assert.Equal(PasskeyProblems.NotVerified, (await again.SignInWithPasskeyAsync(user, intrudersKey)).Detail);
    }

    /// <summary>Moves the token's session's sign-in back in time, as if it had happened <paramref name="ago"/>.</summary>
    private async Task SignedInAgoAsync(string accessToken, TimeSpan ago)
    {
        var claims = new JwtSecurityTokenHandler().ReadJwtToken(accessToken).Claims.ToList();
        var key = SessionKeys.Session(claims.First(c => c.Type == "sub").Value, claims.First(c => c.Type == "sid").Value);
        var redis = api.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var session = JsonSerializer.Deserialize<SsoSession>((await redis.StringGetAsync(key)).ToString())!;
        var moved = JsonSerializer.Serialize(session with { CreatedAt = session.CreatedAt - ago });
        Assert.True(await redis.StringSetAsync(key, moved, null, keepTtl: true, When.Exists));
    }
}
