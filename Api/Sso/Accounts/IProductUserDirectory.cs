namespace Api.Sso.Accounts;

/// <summary>
/// The one question the SSO asks a product that keeps users of its own (the portal, whose end
/// users move to SSO in batches). The SSO knows nothing of partners, clients or end users; the
/// product answers in the SSO's terms. Implemented by the portal; registered by the Api's host.
/// </summary>
public interface IProductUserDirectory
{
    /// <summary>
    /// The password hash of a user of the product who has this e-mail and has not moved to SSO
    /// yet (so the SSO can tell them, once they proved the password, to use the product's own
    /// form for now), or null.
    /// </summary>
    Task<string?> FindUnmigratedPasswordHashAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether the product lets this existing account sign in through the SSO. Asked by account,
    /// never by e-mail: the product's own users who merely share the address (typed by someone) must
    /// not change how an account signs in; only users linked to the account count.
    /// </summary>
    Task<ProductSignInStanding> GetSignInStandingAsync(string accountId, CancellationToken cancellationToken = default);

    /// <summary>Name and e-mail of a subject the product signed in with its own form (its sessions live in the SSO), or null.</summary>
    Task<SubjectInfo?> FindOwnSubjectAsync(string subject, CancellationToken cancellationToken = default);
}

public enum ProductSignInStanding
{
    /// <summary>The product has no objection (it may not know the person at all: another product's user).</summary>
    Allowed,

    /// <summary>The person still signs in with the product's own form.</summary>
    NotMigrated,

    /// <summary>The product disabled the person.</summary>
    Disabled,
}

/// <summary>What the provider says about a subject in userinfo and tokens; <paramref name="Roles"/> go in access tokens only.</summary>
public sealed record SubjectInfo(string Name, string Email, bool EmailVerified, IReadOnlyList<string>? Roles = null);
