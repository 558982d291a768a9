using System.Net;
using System.Text.Json.Nodes;
using Api.Sso.Accounts;
using Api.Sso.Passkeys;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Sso.Passkeys;

/// <summary>Passkey answers that must not sign anyone in: another origin or relying party, a replay, a challenge used twice, guessing.</summary>
[Collection(SsoCollection.Name)]
public sealed class PasskeyAssertionAttackTests(SsoApiFactory api)
{
    [Theory]
    [Trait("ASVS", "2.2.4")]
    [InlineData("https://localhost.evil.example", "localhost")]
    [InlineData("http://localhost", "localhost")]
    [InlineData("https://localhost", "evil.example")]
    public async Task An_assertion_made_for_another_origin_or_relying_party_is_refused(string origin, string rpId)
    {
        var (user, authenticator) = await EnrolledWithPasskeyAsync();
        using var browser = new SsoDriver(api);
        await browser.StartAsync(user.Email);
        var options = SsoDriver.PublicKeyOf(await browser.PasskeySignInOptionsAsync());

        var answer = await browser.SubmitPasskeyAsync(authenticator.Get(options, origin, rpId));

        AssertRefused(answer, PasskeyProblems.NotVerified);
    }

    [Fact]
    [Trait("ASVS", "2.2.6")]
    public async Task A_replayed_assertion_is_refused_even_with_a_fresh_challenge_in_play()
    {
        var (user, authenticator) = await EnrolledWithPasskeyAsync();
        using var victim = new SsoDriver(api);
        await victim.StartAsync(user.Email);
        var captured = authenticator.Get(SsoDriver.PublicKeyOf(await victim.PasskeySignInOptionsAsync()));
        Assert.Equal("done", (await victim.SubmitPasskeyAsync(captured)).Step);

        using var attacker = new SsoDriver(api);
        await attacker.StartAsync(user.Email);
        await attacker.PasskeySignInOptionsAsync();
        var replayed = await attacker.SubmitPasskeyAsync(captured);

        AssertRefused(replayed, PasskeyProblems.NotVerified);
    }

    [Fact]
    [Trait("ASVS", "2.9.2")]
    public async Task A_challenge_answered_once_cannot_be_answered_again()
    {
        var (user, authenticator) = await EnrolledWithPasskeyAsync();
        using var browser = new SsoDriver(api);
        await browser.StartAsync(user.Email);
        var options = SsoDriver.PublicKeyOf(await browser.PasskeySignInOptionsAsync());
        var wrongKey = new SoftwareAuthenticator();
        AssertRefused(await browser.SubmitPasskeyAsync(wrongKey.Get(options)), PasskeyProblems.NotVerified);

        // The right passkey, on the challenge already spent: refused as expired, nothing verified.
        var second = await browser.SubmitPasskeyAsync(authenticator.Get(options));

        AssertRefused(second, Journeys.Expired);
    }

    [Fact]
    [Trait("ASVS", "2.9.2")]
    public async Task Fifty_parallel_assertions_with_one_challenge_make_exactly_one_session()
    {
        var (user, authenticator) = await EnrolledWithPasskeyAsync();
        using var browser = new SsoDriver(api);
        await browser.StartAsync(user.Email);
        var options = SsoDriver.PublicKeyOf(await browser.PasskeySignInOptionsAsync());
        var answers = Enumerable.Range(0, 50).Select(_ => authenticator.Get(options)).ToArray();

        var results = await Task.WhenAll(answers.Select(browser.SubmitPasskeyAsync));

        Assert.Single(results, r => r.Step == "done");
        Assert.Single(results, Journeys.SetsSessionCookie);
        Assert.All(results.Where(r => r.Step != "done"), r => AssertRefused(r, Journeys.Expired));
        await using var scope = api.Services.CreateAsyncScope();
        var sessions = await scope.ServiceProvider.GetRequiredService<Api.Sso.Sessions.SsoSessionStore>().ListAsync(user.AccountId!);
        Assert.Equal(2, sessions.Count); // the enrolment's and this one
    }

    [Fact]
    [Trait("ASVS", "2.2.1")]
    public async Task Failed_assertions_spend_the_same_budget_as_wrong_passwords()
    {
        var (user, authenticator) = await EnrolledWithPasskeyAsync();
        using var attacker = new SsoDriver(api);
        await attacker.StartAsync(user.Email);
        for (var i = 0; i < 5; i++)
        {
            using var forged = new SoftwareAuthenticator();
            var options = SsoDriver.PublicKeyOf(await attacker.PasskeySignInOptionsAsync());
            var guess = forged.Get(options);
            guess["id"] = authenticator.Id;
            guess["rawId"] = authenticator.Id;
            AssertRefused(await attacker.SubmitPasskeyAsync(guess), PasskeyProblems.NotVerified);
        }

        // The account's budget is spent: even the right passkey from an unknown browser waits, and so does the password.
        using var elsewhere = new SsoDriver(api);
        await elsewhere.StartAsync(user.Email);
        var right = authenticator.Get(SsoDriver.PublicKeyOf(await elsewhere.PasskeySignInOptionsAsync()));
        AssertRefused(await elsewhere.SubmitPasskeyAsync(right), PasskeyProblems.NotVerified);
        using var password = new SsoDriver(api);
        await password.StartAsync(user.Email);
        Assert.Equal(Journeys.WrongCredentials, (await password.PasswordAsync(user.Password)).Detail);
        Assert.Contains(await Mailbox.MessagesAsync(api.Services, user.Email), m => m.Kind.Contains("lock", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    [Trait("ASVS", "2.8.6")]
    public async Task A_removed_passkey_and_one_taken_by_reset_mfa_no_longer_sign_in()
    {
        var (user, authenticator) = await EnrolledWithPasskeyAsync();
        await using (var scope = api.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<AccountAdministration>().ResetAuthenticatorAsync(user.AccountId!));
        }

        using var browser = new SsoDriver(api);
        AssertRefused(await browser.SignInWithPasskeyAsync(user, authenticator), PasskeyProblems.NotVerified);
        Assert.Equal("Your authenticator was reset", (await Mailbox.WaitForAsync(api.Services, user.Email, "authenticator-reset"))[0].Subject);
        using var next = new SsoDriver(api);
        await next.StartAsync(user.Email);
        Assert.Equal("enroll", (await next.PasswordAsync(user.Password)).Step);
    }

    [Fact]
    public async Task A_disabled_account_is_refused_even_with_its_passkey()
    {
        var (user, authenticator) = await EnrolledWithPasskeyAsync();
        await using (var scope = api.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountAdministration>().DisableAsync(user.AccountId!);
        }

        using var browser = new SsoDriver(api);
        var answer = await browser.SignInWithPasskeyAsync(user, authenticator);

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.False(Journeys.SetsSessionCookie(answer));
    }

    private async Task<(TestUser User, SoftwareAuthenticator Authenticator)> EnrolledWithPasskeyAsync()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Activated);
        var authenticator = new SoftwareAuthenticator();
        using var first = new SsoDriver(api);
        await first.FinishSignInAsync(await first.EnrolPasskeyAsync(user, authenticator));
        return (user, authenticator);
    }

    private static void AssertRefused(SsoResponse answer, string sentence)
    {
        Assert.True(answer.Status == HttpStatusCode.BadRequest, answer.ToString());
        Assert.True(answer.IsProblem);
        Assert.Equal(sentence, answer.Detail);
        Assert.False(Journeys.SetsSessionCookie(answer));
    }
}
