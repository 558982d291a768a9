namespace Api.Sso.Accounts;

/// <summary>A step an account takes on its way to signing in with the SSO, reported once per time it happens.</summary>
public enum AccountMilestone
{
    /// <summary>The e-mail address was proven: the activation link, or a password reset link (it arrived by e-mail too).</summary>
    EmailActivated,

    /// <summary>A first authenticator was confirmed with a code.</summary>
    AuthenticatorEnrolled,

    /// <summary>A product received an authorization code for the account (a sign-in or a silent renewal).</summary>
    SignedIn,

    /// <summary>Wrong passwords or codes used up the account's failure budget: sign-in is paused (reported once per lock).</summary>
    Locked,
}

/// <param name="ProductClientId">For <see cref="AccountMilestone.SignedIn"/>: the product (OIDC client id) signed in to.</param>
/// <param name="SessionId">For <see cref="AccountMilestone.SignedIn"/>: the SSO session (the tokens' <c>sid</c>), so a listener tells a new sign-in from a renewal.</param>
public sealed record AccountMilestoneReached(string AccountId, AccountMilestone Milestone, string? ProductClientId = null, string? SessionId = null);

/// <summary>
/// Hears of the steps accounts take (the portal's migration funnel counts them). The SSO knows
/// nothing of who listens: a product that keeps users of its own implements this and the host
/// registers it. Called inside the unit of work that made the step, where there is one, so a step
/// that rolls back is not heard of either; a listener writes through the same context and must
/// not commit or roll back what it did not begin.
/// </summary>
public interface IAccountMilestoneListener
{
    Task ReachedAsync(AccountMilestoneReached milestone, CancellationToken cancellationToken = default);
}
