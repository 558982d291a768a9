using Api.Shared.Limits;
using Api.Sso.Accounts;
using Api.Sso.Sessions;
using Api.Sso.Throttling;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Api.Sso.Login;

/// <summary>What the sign-in endpoints need, injected as one bundle.</summary>
public sealed class LoginServices(
    SsoDbContext db,
    UserManager<SsoAccount> users,
    LoginTransactionStore transactions,
    LoginThrottle throttle,
    RedisBudget budget,
    TotpVerifier totp,
    RecoveryCodes recoveryCodes,
    SsoSessionStore sessions,
    AccountEmails emails,
    DummyPasswordCheck dummyPassword,
    PasswordCheckGate passwordChecks,
    TrustedDevices devices,
    IProductUserDirectory products,
    IDataProtectionProvider dataProtection,
    AccountMilestones milestones,
    TimeProvider clock)
{
    public SsoDbContext Db { get; } = db;
    public UserManager<SsoAccount> Users { get; } = users;
    public LoginTransactionStore Transactions { get; } = transactions;
    public LoginThrottle Throttle { get; } = throttle;
    public RedisBudget Budget { get; } = budget;
    public TotpVerifier Totp { get; } = totp;
    public RecoveryCodes RecoveryCodes { get; } = recoveryCodes;
    public SsoSessionStore Sessions { get; } = sessions;
    public AccountEmails Emails { get; } = emails;
    public DummyPasswordCheck DummyPassword { get; } = dummyPassword;

    /// <summary>Every password hash check of a sign-in runs through here (one per core at a time).</summary>
    public PasswordCheckGate PasswordChecks { get; } = passwordChecks;
    public TrustedDevices Devices { get; } = devices;

    /// <summary>What the product that keeps its own users (the portal) says about an e-mail.</summary>
    public IProductUserDirectory Products { get; } = products;
    public TimeProvider Clock { get; } = clock;

    /// <summary>Protects TOTP secrets at rest (SQL) and in flight (the Redis login transaction).</summary>
    public IDataProtector TotpProtector { get; } = dataProtection.CreateProtector("Sso.Totp.v1");

    /// <summary>A wrong answer that used the account's last unit locked it: its owner is told by e-mail, once per lock.</summary>
    public async Task NoticeLockoutAsync(FailureReservation reservation, SsoAccount account)
    {
        if (reservation.LocksAccount)
        {
            Emails.QueueLockedOut(account);
            await milestones.ReachedAsync(new AccountMilestoneReached(account.Id, AccountMilestone.Locked));
            await Db.SaveChangesAsync();
        }
    }
}

/// <summary>
/// Verifies a password against a fixed hash of the current algorithm, so that an unknown e-mail
/// costs the same time as a known one and timing does not reveal who is registered.
/// </summary>
public sealed class DummyPasswordCheck
{
    public static DummyPasswordCheck Shared { get; } = new();

    private readonly PasswordHasher<SsoAccount> hasher = new();
    private readonly string hash;

    public DummyPasswordCheck() => hash = hasher.HashPassword(new SsoAccount(), Guid.NewGuid().ToString());

    /// <summary>Always false (nobody knows the random password); returns so that callers can treat it like any check.</summary>
    public bool Verify(string password) => hasher.VerifyHashedPassword(new SsoAccount(), hash, password) != PasswordVerificationResult.Failed;
}
