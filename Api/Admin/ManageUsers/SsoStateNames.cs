using Api.Sso.Accounts;

namespace Api.Admin.ManageUsers;

/// <summary>
/// How an SSO account's state is spelled on the wire (kebab-case, part of the contract with the
/// SPA) and in the CSV (words for people). Written out, not derived from the enum's names, so
/// renaming a member cannot change the API.
/// </summary>
public static class SsoStateNames
{
    public const string ActivationPending = "activation-pending";
    public const string MfaNotEnrolled = "mfa-not-enrolled";
    public const string Active = "active";

    public static readonly IReadOnlyDictionary<string, AccountState> ByName = new Dictionary<string, AccountState>(StringComparer.Ordinal)
    {
        [ActivationPending] = AccountState.ActivationPending,
        [MfaNotEnrolled] = AccountState.MfaNotEnrolled,
        [Active] = AccountState.Active,
    };

    public static string? Of(AccountState? state) => state switch
    {
        AccountState.ActivationPending => ActivationPending,
        AccountState.MfaNotEnrolled => MfaNotEnrolled,
        AccountState.Active => Active,
        _ => null,
    };

    /// <summary>The words for a wire name: "Activation pending" for "activation-pending"; empty for none.</summary>
    public static string Label(string? name) => name switch
    {
        ActivationPending => "Activation pending",
        MfaNotEnrolled => "MFA not enrolled",
        Active => "Active",
        _ => "",
    };
}
