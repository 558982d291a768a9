namespace Api.Admin.ManageUsers;

/// <summary>
/// How a migrated user's second step is spelled on the wire (<see cref="EndUserRow.Mfa"/>, part of
/// the contract with the SPA) and in the CSV. A partner helping someone on the phone needs to know
/// whether to ask for a code from an app or for their fingerprint or screen lock.
/// </summary>
public static class MfaMethodNames
{
    public const string Passkey = "passkey";
    public const string AuthenticatorApp = "authenticator-app";

    public static IReadOnlyList<string> Of(bool passkey, bool authenticatorApp) =>
        (passkey, authenticatorApp) switch
        {
            (true, true) => [Passkey, AuthenticatorApp],
            (true, false) => [Passkey],
            (false, true) => [AuthenticatorApp],
            _ => [],
        };

    /// <summary>"Passkey and authenticator app", "Passkey", "Authenticator app", or empty.</summary>
    public static string Label(IReadOnlyList<string> methods) =>
        (methods.Contains(Passkey), methods.Contains(AuthenticatorApp)) switch
        {
            (true, true) => "Passkey and authenticator app",
            (true, false) => "Passkey",
            (false, true) => "Authenticator app",
            _ => "",
        };
}
