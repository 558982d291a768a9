namespace Api.Sso.Passkeys;

/// <summary>The sentences passkey screens show. One sentence for every kind of failed passkey, as for passwords.</summary>
public static class PasskeyProblems
{
    public const string NotVerified = "Your passkey could not be verified. Try again, or sign in with your password.";
    public const string NotRegistered = "The passkey could not be added. Try again, and use this site's own address.";
    public const string NameInvalid = "Give the passkey a name of at most 100 characters.";
    public const string NotFound = "This passkey is not on your account (it may have been removed already).";
    public const string LastSecondStep = "This passkey is the only way you prove it is you after your password. Add another passkey or an authenticator app first, then remove it.";
    public const string NeedsFreshSignIn = "For your security, sign in again before changing your passkeys (your last sign-in is more than 5 minutes old).";
}
