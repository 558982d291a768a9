namespace Api.Tests.Support;

// The identifier-first sign-in screen (/api/sso/login/*): one call per step, each answering the
// next step. The login transaction travels in this browser's cookie, so the steps share no state here.
public sealed partial class SsoDriver
{
    public Task<SsoResponse> StartAsync(string email, string? returnUrl = null) =>
        PostAsync("/api/sso/login/start", new { email, returnUrl = returnUrl ?? ReturnUrl });

    public Task<SsoResponse> PasswordAsync(string password) => PostAsync("/api/sso/login/password", new { password });

    public Task<SsoResponse> MfaAsync(string code) => PostAsync("/api/sso/login/mfa", new { code });

    public Task<SsoResponse> RecoveryCodeAsync(string recoveryCode) => PostAsync("/api/sso/login/mfa", new { recoveryCode });

    /// <summary>The enrolment screen: the QR code and manual key of a new authenticator.</summary>
    public async Task<SsoResponse> EnrollmentAsync() => await SsoResponse.ReadAsync(await Http.GetAsync("/api/sso/login/enrollment"));

    public Task<SsoResponse> ConfirmEnrollmentAsync(string code) => PostAsync("/api/sso/login/enrollment", new { code });
}
