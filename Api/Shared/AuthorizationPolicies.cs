namespace Api.Shared;

/// <summary>
/// The names of the Api's authorization policies, the one way endpoints are authorised (no
/// endpoint filters). The host defines them (<c>Api.Hosting.ApiAuthorization</c>); role names come
/// from <see cref="ProductRoles"/> (one vocabulary).
/// </summary>
public static class AuthorizationPolicies
{
    /// <summary>
    /// Partner staff or a platform operator, with an account in good standing and a session opened
    /// with a second factor: the admin area. A legacy or password-only session never gets in, nor does an end user.
    /// </summary>
    public const string Staff = "staff";

    /// <summary>Staff who may change things: partner admins and operators, not technicians (who read, resend activation and unlock).</summary>
    public const string Manager = "manager";

    /// <summary>Platform operators: the migration console and the platform's status.</summary>
    public const string Operator = "operator";

    /// <summary>Anyone signed in through SSO with a second factor, whatever their roles: answers that only an account's owner may give.</summary>
    public const string MfaSession = "mfa-session";

    /// <summary>SCIM provisioning of a partner's end users: a partner admin's MFA session, or an API client token with the scim scope.</summary>
    public const string Scim = "scim";

    /// <summary>Only a person signed in, never an API client's token (managing API clients).</summary>
    public const string InPerson = "in-person";
}
