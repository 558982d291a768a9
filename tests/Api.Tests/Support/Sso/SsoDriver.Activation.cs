namespace Api.Tests.Support;

// A migrated user's first sign-in stops at "activate": the e-mail address is confirmed by a link
// (read from the outbox with Mailbox), which the screen can send again.
public sealed partial class SsoDriver
{
    public async Task<SsoResponse> ResendActivationAsync() =>
        await SsoResponse.ReadAsync(await Http.PostAsync("/api/sso/login/activation/resend", null));

    /// <summary>The page the activation link opens, with the link's token.</summary>
    public Task<SsoResponse> ActivateAsync(string token) => PostAsync("/api/sso/activate", new { token });
}
