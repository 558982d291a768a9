using Api.Mail;
using Api.Shared;
using Api.Sso.Accounts;
using Api.Sso.Sessions;
using Api.Sso.Throttling;
using Microsoft.AspNetCore.Identity;

namespace Api.Sso.Login;

/// <summary>
/// The SSO's side of a product's own password form (the portal's legacy login and its Edit
/// Profile password change, for users not yet migrated): the same failure budgets, trusted
/// devices and sessions as an SSO sign-in, so the rest of the platform treats both alike. The
/// product checks its own password hash; nothing here knows whose it is.
/// </summary>
public sealed class ProductSignIn(
    LoginThrottle throttle,
    TrustedDevices devices,
    SsoSessionStore sessions,
    DummyPasswordCheck dummyPassword,
    UserManager<SsoAccount> users,
    AccountEmails emails,
    PasswordCheckGate passwordChecks,
    LoginServices login)
{
    /// <summary>
    /// Takes one failure unit before any password is checked (fifty parallel guesses test at most
    /// the limit); null when the budget is spent: answer as for a wrong password.
    /// </summary>
    public Task<FailureReservation?> ReserveAsync(HttpContext http, string email) => throttle.ReserveAsync(http, email);

    /// <summary>
    /// The same for someone already signed in (a password change): the account's budget, not the
    /// device's, since whoever holds this session holds this browser too.
    /// </summary>
    public Task<FailureReservation?> ReserveForSignedInAsync(HttpContext http, string email) =>
        throttle.ReserveAsync(email, CallerNetwork.LimitKeyOf(http), trustedDeviceId: null);

    /// <summary>The password was right: the unit goes back.</summary>
    public Task PasswordProvedAsync(FailureReservation reservation) => throttle.GiveBackAsync(reservation);

    /// <summary>
    /// Runs the product's own password hash check in the SSO's turn for hash checks (one per core
    /// at a time, <see cref="PasswordCheckGate"/>), so a crowd on the product's form cannot starve
    /// the rest of the Api of CPU either.
    /// </summary>
    public Task<bool> CheckPasswordAsync(Func<bool> check, CancellationToken cancellationToken) =>
        passwordChecks.RunAsync(check, cancellationToken);

    /// <summary>A new hash in the current algorithm for a product's password, made in the same turns as the checks.</summary>
    public Task<string> HashPasswordAsync(string password, CancellationToken cancellationToken) =>
        passwordChecks.RunAsync(() => LegacyPasswordHash.CreateCurrent(password), cancellationToken);

    /// <summary>Costs what a password check costs, for e-mails nobody registered (timing reveals nothing).</summary>
    public Task CheckUnknownAsync(string password, CancellationToken cancellationToken) =>
        passwordChecks.RunAsync(() => dummyPassword.Verify(password), cancellationToken);

    /// <summary>Whether this is the password of the SSO account (a migrated user trying the old form).</summary>
    public async Task<bool> IsAccountPasswordAsync(string accountId, string password, CancellationToken cancellationToken)
    {
        var account = await users.FindByIdAsync(accountId);
        return account is null
            ? await passwordChecks.RunAsync(() => dummyPassword.Verify(password), cancellationToken)
            : await passwordChecks.RunAsync(() => users.CheckPasswordAsync(account, password), cancellationToken);
    }

    /// <summary>
    /// Opens a password-only session (amr pwd, marked legacy) for a subject the product names, sets
    /// its cookie, remembers this browser for the e-mail and clears the e-mail's failures.
    /// </summary>
    public async Task StartSessionAsync(HttpContext http, string subject, string email)
    {
        var (_, cookie) = await sessions.CreateAsync(subject, ["pwd"], legacy: true);
        SessionCookies.SetSession(http.Response, cookie);
        devices.Remember(http, email);
        await throttle.ResetAccountAsync(email);
    }

    /// <summary>
    /// The product's form proved the password of an account made from it moments ago (a user moved
    /// to SSO as they logged in), whose e-mail is not yet activated: opens the SSO sign-in of this
    /// browser at its activation step — the activation e-mail goes out, exactly as after the SSO's
    /// own password step — so the SSO screen (<c>/sso/login?resume=1</c>) shows the activation
    /// dialog without asking for the same password again. False when the account is already active
    /// (nothing is opened: the user signs in with SSO as usual).
    /// </summary>
    public async Task<bool> OpenActivationStepAsync(HttpContext http, string accountId, string returnUrl)
    {
        var account = await users.FindByIdAsync(accountId);
        if (account is not { EmailConfirmed: false, Email: { } email })
        {
            return false;
        }

        var transaction = await login.Transactions.StartAsync(email, InputRules.SafeReturnUrl(returnUrl));
        var next = await LoginOutcome.AdvanceAsync(transaction with { AccountId = account.Id }, account, login);
        http.Response.Cookies.Append(LoginTransactionStore.CookieName, transaction.Id, LoginResults.TransactionCookieOptions());
        return next.Step == "activate";
    }

    /// <summary>After a password change: whoever else knew the old password is signed out; this browser stays.</summary>
    public Task EndOtherSessionsAsync(string subject, string keepSessionId) => sessions.RevokeAllExceptAsync(subject, keepSessionId);

    /// <summary>Tells the owner their password changed (saved with the caller's SaveChanges).</summary>
    public void QueuePasswordChanged(string email, string name, MailAbout? about = null) => emails.QueuePasswordChanged(email, name, about);
}
