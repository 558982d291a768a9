namespace Api.Tests.Support;

// Forgot Password mails a reset link (read from the outbox with Mailbox); its page sets a new password.
public sealed partial class SsoDriver
{
    public Task<SsoResponse> ForgotPasswordAsync(string email) => PostAsync("/api/sso/password/forgot", new { email });

    public Task<SsoResponse> ResetPasswordAsync(string token, string newPassword) =>
        PostAsync("/api/sso/password/reset", new { token, newPassword });
}
