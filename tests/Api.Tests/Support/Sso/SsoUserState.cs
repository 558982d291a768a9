namespace Api.Tests.Support;

/// <summary>Where in the migration a user made by <see cref="SsoUsers"/> starts.</summary>
public enum SsoUserState
{
    /// <summary>Not migrated: legacy hash on the end user, no SSO account.</summary>
    Legacy,

    /// <summary>Migrated, never logged in: e-mail not activated, no authenticator.</summary>
    MigratedPending,

    /// <summary>Migrated and activated, no authenticator yet (enrolment next).</summary>
    Activated,

    /// <summary>Migrated, activated, TOTP enrolled with a secret of its own.</summary>
    Enrolled,
}
