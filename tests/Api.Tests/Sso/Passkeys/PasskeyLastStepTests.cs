using System.Net;
using System.Net.Http.Json;
using Api.Sso.Passkeys;

namespace Api.Tests.Sso.Passkeys;

/// <summary>
/// An account never loses its last second step by removing a passkey: with none left, the password
/// alone would let whoever knows it set up their own at the next sign-in. Held under fifty
/// removals at once of an account's last two passkeys.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class PasskeyLastStepTests(SsoApiFactory api)
{
    private const int Parallel = 50;

    [Fact]
    public async Task The_only_passkey_of_an_account_without_an_authenticator_app_stays_and_still_signs_in()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Activated);
        using var laptop = new SoftwareAuthenticator();
        using var browser = new SsoDriver(api);
        var tokens = await browser.FinishSignInAsync(await browser.EnrolPasskeyAsync(user, laptop));

        var remove = await browser.SendAsync(HttpMethod.Delete, $"/api/sso/passkeys/{laptop.Id}", tokens.AccessToken);

        Assert.Equal(HttpStatusCode.Conflict, remove.Status);
        Assert.Equal(PasskeyProblems.LastSecondStep, remove.Detail);
        Assert.Empty(await Mailbox.MessagesAsync(api.Services, user.Email, "passkey-removed"));
        using var signIn = new SsoDriver(api);
        await signIn.BeginSignInAsync();
        Assert.Equal("done", (await signIn.SignInWithPasskeyAsync(user, laptop)).Step);
    }

    [Fact]
    public async Task Fifty_removals_at_once_of_the_last_two_passkeys_remove_one_and_keep_the_other()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Activated);
        using var laptop = new SoftwareAuthenticator();
        using var phone = new SoftwareAuthenticator(synced: true);
        using var browser = new SsoDriver(api);
        var tokens = await browser.FinishSignInAsync(await browser.EnrolPasskeyAsync(user, laptop));
        var options = await browser.SendAsync(HttpMethod.Post, "/api/sso/passkeys/options", tokens.AccessToken);
        Assert.Equal(HttpStatusCode.Created, (await browser.SendAsync(HttpMethod.Post, "/api/sso/passkeys", tokens.AccessToken,
            JsonContent.Create(new { credential = phone.Create(SsoDriver.PublicKeyOf(options)) }))).Status);

        var answers = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(i =>
            browser.SendAsync(HttpMethod.Delete, $"/api/sso/passkeys/{(i % 2 == 0 ? laptop.Id : phone.Id)}", tokens.AccessToken)));

        Assert.Single(answers, a => a.Status == HttpStatusCode.NoContent);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.NoContent), a => Assert.Contains(a.Status, new[] { HttpStatusCode.Conflict, HttpStatusCode.NotFound }));
        Assert.Single((await browser.SendAsync(HttpMethod.Get, "/api/sso/passkeys", tokens.AccessToken)).Json!["passkeys"]!.AsArray());
        Assert.Single(await Mailbox.WaitForAsync(api.Services, user.Email, "passkey-removed"));
    }
}
