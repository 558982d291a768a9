using System.Net;
using Duende.IdentityModel.OidcClient;

namespace Api.Tests.Support;

// Whole sign-ins, for tests whose subject is what comes after: the portal's authorize request,
// the sign-in screen's steps and the code redemption, each asserted on the way.
public sealed partial class SsoDriver
{
    /// <summary>
    /// The complete portal sign-in of an enrolled user: authorize → sign-in screen (e-mail,
    /// password, MFA code) → authorize again → code → token endpoint. Returns the tokens.
    /// </summary>
    public async Task<LoginResult> SignInAsync(TestUser user, string? password = null, string? nonce = null)
    {
        var begin = await BeginSignInAsync(nonce);
        Assert.Equal(HttpStatusCode.Redirect, begin.StatusCode);
        await LoginToMfaAsync(user, password);
        return await FinishSignInAsync(await MfaAsync(user.NextCode()));
    }

    /// <summary>E-mail and password of an enrolled user; asserts the next step is "mfa".</summary>
    public async Task LoginToMfaAsync(TestUser user, string? password = null)
    {
        var start = await StartAsync(user.Email);
        Assert.Equal("password", start.Step);
        var next = await PasswordAsync(password ?? user.Password);
        Assert.True(next.Step == "mfa", $"expected step mfa, got {(int)next.Status} {next.Body}");
    }

    /// <summary>After step "done": back to the authorize URL, which must now issue a code; redeem it.</summary>
    public async Task<LoginResult> FinishSignInAsync(SsoResponse done)
    {
        Assert.Equal("done", done.Step);
        Assert.Equal(ReturnUrl, done.RedirectUrl);
        var callback = await AuthorizeAsync(done.RedirectUrl);
        Assert.StartsWith(RedirectUri, callback.ToString());
        Assert.NotNull(CodeIn(callback));
        return await RedeemAsync(callback);
    }
}
