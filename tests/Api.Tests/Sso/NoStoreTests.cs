using System.Net;

namespace Api.Tests.Sso;

/// <summary>No sign-in answer may be kept by a cache: success, refusal, unreadable body alike, SSO and legacy form.</summary>
[Collection(SsoCollection.Name)]
public sealed class NoStoreTests(SsoApiFactory api)
{
    [Fact]
    [Trait("ASVS", "8.2.1")]
    public async Task Every_sign_in_answer_says_no_store()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        var legacy = await SsoUsers.CreateAsync(api.Services, SsoUserState.Legacy);
        using var browser = new SsoDriver(api);
        using var stranger = new SsoDriver(api);
        var answers = new List<(string What, SsoResponse Answer)>
        {
            ("start, unreadable body", await browser.PostRawAsync("/api/sso/login/start", "{")),
            ("start, invalid e-mail", await browser.StartAsync("not-an-email")),
            ("password without a transaction", await stranger.PasswordAsync(user.Password)),
            ("enrolment without a transaction", await stranger.EnrollmentAsync()),
            ("activation resend without a transaction", await stranger.ResendActivationAsync()),
            ("start", await browser.StartAsync(user.Email)),
            ("password, wrong", await browser.PasswordAsync("Not-the-password-42")),
            ("password, right", await browser.PasswordAsync(user.Password)),
            ("mfa, wrong", await browser.MfaAsync("000000")),
            ("mfa, right", await browser.MfaAsync(user.NextCode())),
            ("legacy form, wrong", await stranger.LegacyLoginAsync(legacy.Email, "Not-the-password-42")),
            ("legacy form, unreadable body", await stranger.PostRawAsync("/api/legacy/login", "{\"email\":")),
            ("legacy form, right", await stranger.LegacyLoginAsync(legacy.Email, legacy.Password)),
            ("activation link, invalid", await stranger.ActivateAsync("not-a-token")),
            ("forgot password", await stranger.ForgotPasswordAsync(SsoUsers.UnknownEmail())),
            ("reset link, invalid", await stranger.ResetPasswordAsync("not-a-token", "A-long-enough-passphrase-1")),
            ("token endpoint, bad code", await SsoResponse.ReadAsync(await stranger.Http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["client_id"] = SsoDriver.ClientId,
                ["code"] = "not-a-code",
                ["redirect_uri"] = stranger.RedirectUri,
                ["code_verifier"] = new string('a', 43),
            })))),
        };

        // Successes and failures both: the list above must hold each kind.
        Assert.Contains(answers, a => a.Answer.Status == HttpStatusCode.OK);
        Assert.Contains(answers, a => a.Answer.Status == HttpStatusCode.BadRequest);
        Assert.All(answers, a => Assert.True(
            a.Answer.Raw.Headers.CacheControl?.NoStore == true,
            $"{a.What}: {(int)a.Answer.Status} without Cache-Control: no-store ({a.Answer.Raw.Headers.CacheControl})"));
    }
}
