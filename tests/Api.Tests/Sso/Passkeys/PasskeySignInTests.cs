using System.IdentityModel.Tokens.Jwt;
using System.Net;

namespace Api.Tests.Sso.Passkeys;

/// <summary>A passkey in place of the authenticator app at the first sign-in, then in place of the password and the code.</summary>
[Collection(SsoCollection.Name)]
public sealed class PasskeySignInTests(SsoApiFactory api)
{
    [Fact]
    [Trait("ASVS", "6.5.6")]
    public async Task A_passkey_enrolled_at_the_first_sign_in_then_signs_in_alone_with_the_documented_amr()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Activated);
        using var authenticator = new SoftwareAuthenticator();
        using var first = new SsoDriver(api);

        var enrolled = await first.EnrolPasskeyAsync(user, authenticator, "Work laptop");

        Assert.Equal(HttpStatusCode.OK, enrolled.Status);
        Assert.Equal(10, enrolled.RecoveryCodes.Distinct().Count());
        await first.FinishSignInAsync(enrolled);
        var mail = await Mailbox.WaitForAsync(api.Services, user.Email, "passkey-added");
        Assert.Equal("A passkey was added to your account", mail[0].Subject);

        using var later = new SsoDriver(api);
        await later.BeginSignInAsync();
        var done = await later.SignInWithPasskeyAsync(user, authenticator);
        Assert.Equal("done", done.Step);
        var tokens = await later.FinishSignInAsync(done);
        var amr = new JwtSecurityTokenHandler().ReadJwtToken(tokens.AccessToken).Claims.Where(c => c.Type == "amr").Select(c => c.Value).Order();
        Assert.Equal(["hwk", "mfa", "pop"], amr);
        Assert.Equal(HttpStatusCode.OK, (await later.GetMeAsync(tokens.AccessToken)).Status);
    }

    [Fact]
    public async Task A_synced_passkey_signs_in_with_the_autofill_options_without_an_email_and_reads_as_a_software_key()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Activated);
        using var authenticator = new SoftwareAuthenticator(synced: true);
        using (var first = new SsoDriver(api))
        {
            await first.FinishSignInAsync(await first.EnrolPasskeyAsync(user, authenticator));
        }

        using var browser = new SsoDriver(api);
        await browser.BeginSignInAsync();
        var options = await browser.PasskeySignInOptionsAsync();
        Assert.Empty(SsoDriver.PublicKeyOf(options)["allowCredentials"]?.AsArray() ?? []);
        var done = await browser.SubmitPasskeyAsync(authenticator.Get(SsoDriver.PublicKeyOf(options)));

        var tokens = await browser.FinishSignInAsync(done);
        Assert.Contains("swk", new JwtSecurityTokenHandler().ReadJwtToken(tokens.AccessToken).Claims.Where(c => c.Type == "amr").Select(c => c.Value));
    }

    [Fact]
    public async Task A_user_with_only_an_authenticator_app_still_signs_in_with_password_and_code()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);

        var tokens = await browser.SignInAsync(user);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetMeAsync(tokens.AccessToken)).Status);
    }

    [Fact]
    public async Task The_same_options_answer_every_email_known_or_not_with_a_passkey_or_without()
    {
        var withPasskey = await SsoUsers.CreateAsync(api.Services, SsoUserState.Activated);
        using var authenticator = new SoftwareAuthenticator();
        using (var first = new SsoDriver(api))
        {
            await first.FinishSignInAsync(await first.EnrolPasskeyAsync(withPasskey, authenticator));
        }

        string[] emails = [withPasskey.Email, SsoUsers.UnknownEmail()];
        var shapes = new List<string>();
        foreach (var email in emails)
        {
            using var browser = new SsoDriver(api);
            await browser.StartAsync(email);
            var publicKey = SsoDriver.PublicKeyOf(await browser.PasskeySignInOptionsAsync()).AsObject();
            publicKey.Remove("challenge");
            shapes.Add(publicKey.ToJsonString());
        }

        Assert.Equal(shapes[0], shapes[1]);
    }

    [Fact]
    public async Task A_passkey_answer_for_an_email_it_does_not_belong_to_is_refused()
    {
        var owner = await SsoUsers.CreateAsync(api.Services, SsoUserState.Activated);
        var other = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var authenticator = new SoftwareAuthenticator();
        using (var first = new SsoDriver(api))
        {
            await first.FinishSignInAsync(await first.EnrolPasskeyAsync(owner, authenticator));
        }

        using var browser = new SsoDriver(api);
        var answer = await browser.SignInWithPasskeyAsync(other, authenticator);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(Api.Sso.Passkeys.PasskeyProblems.NotVerified, answer.Detail);
        Assert.False(Journeys.SetsSessionCookie(answer));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    public async Task Passkey_options_refuse_a_return_page_on_another_site(string returnUrl)
    {
        using var browser = new SsoDriver(api);

        var answer = await browser.PasskeySignInOptionsAsync(returnUrl);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains(Api.Sso.Login.GetPasskeySignInOptions.InvalidReturnUrl, answer.Body);
    }

    [Fact]
    public async Task Use_your_passkey_is_offered_first_only_to_a_browser_that_signed_in_to_the_account_before()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Activated);
        using var authenticator = new SoftwareAuthenticator();
        using var own = new SsoDriver(api);
        await own.FinishSignInAsync(await own.EnrolPasskeyAsync(user, authenticator));

        var again = await own.StartAsync(user.Email);
        using var stranger = new SsoDriver(api);
        var unknownBrowser = await stranger.StartAsync(user.Email);
        var unknownEmail = await stranger.StartAsync(SsoUsers.UnknownEmail());

        Assert.True(again.Json!["passkeyOffered"]!.GetValue<bool>());
        Assert.False(unknownBrowser.Json!["passkeyOffered"]!.GetValue<bool>());
        Assert.Equal(unknownBrowser.BodyWithout("email"), unknownEmail.BodyWithout("email"));
    }
}
