using System.Text.Json.Nodes;

namespace Api.Tests.Support;

// The sign-in screen's passkey calls: options from the Api, the authenticator's answer back.
public sealed partial class SsoDriver
{
    /// <summary>The options' <c>publicKey</c> (what the SPA hands to the WebAuthn JSON parser), asserting 200.</summary>
    public static JsonNode PublicKeyOf(SsoResponse options)
    {
        Assert.True(options.Status == System.Net.HttpStatusCode.OK, options.ToString());
        return options.Json!["publicKey"]!;
    }

    public Task<SsoResponse> PasskeyEnrollmentOptionsAsync() => PostAsync("/api/sso/login/enrollment/passkey/options", new { });

    public Task<SsoResponse> ConfirmPasskeyEnrollmentAsync(JsonObject credential, string? name = null) =>
        PostAsync("/api/sso/login/enrollment/passkey", new { credential, name });

    public Task<SsoResponse> PasskeySignInOptionsAsync(string? returnUrl = null) =>
        PostAsync("/api/sso/login/passkey/options", new { returnUrl = returnUrl ?? ReturnUrl ?? Api.Shared.InputRules.DefaultReturnUrl });

    public Task<SsoResponse> SubmitPasskeyAsync(JsonObject credential) => PostAsync("/api/sso/login/passkey", new { credential });

    /// <summary>An activated user's first sign-in, enrolling this authenticator instead of an app; returns the "done" answer.</summary>
    public async Task<SsoResponse> EnrolPasskeyAsync(TestUser user, SoftwareAuthenticator authenticator, string? name = null)
    {
        await BeginSignInAsync();
        await StartAsync(user.Email);
        Assert.Equal("enroll", (await PasswordAsync(user.Password)).Step);
        var created = authenticator.Create(PublicKeyOf(await PasskeyEnrollmentOptionsAsync()));
        return await ConfirmPasskeyEnrollmentAsync(created, name);
    }

    /// <summary>E-mail, then the passkey (no password, no code); returns the last answer.</summary>
    public async Task<SsoResponse> SignInWithPasskeyAsync(TestUser user, SoftwareAuthenticator authenticator)
    {
        await StartAsync(user.Email);
        return await SubmitPasskeyAsync(authenticator.Get(PublicKeyOf(await PasskeySignInOptionsAsync())));
    }
}
