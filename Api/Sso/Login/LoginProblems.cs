namespace Api.Sso.Login;

/// <summary>The sentences the sign-in screens show. One sentence for every kind of wrong credential.</summary>
public static class LoginProblems
{
    public const string Title = "Sign-in failed";
    public const string WrongCredentials = "The e-mail or password is incorrect.";
    public const string WrongCode = "The code is incorrect or has expired.";
    public const string Expired = "Your sign-in took too long or was interrupted. Please start again.";
    public const string NotMigrated = "Your account has not moved to Single Sign-On yet. For now, log in with the Email and Password form on the portal's login page.";
    public const string Disabled = "This account is disabled. Contact your IT provider to have it enabled.";
    public const string AlreadyEnrolled = "An authenticator app or a passkey was already set up for this account. Sign in again and use it.";
    public const string InvalidEmail = "Enter a valid e-mail address.";
}
