using Microsoft.AspNetCore.Identity;

namespace Api.Sso.Accounts;

/// <summary>
/// A person's account on the platform's single sign-on, shared by every product of the platform.
/// The portal links end users to it; other products may have given it roles of their own.
/// </summary>
public sealed class SsoAccount : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The TOTP secret, protected with Data Protection (the key ring lives in SQL).</summary>
    public string? ProtectedTotpSecret { get; set; }

    public DateTime? TotpEnrolledAt { get; set; }

    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;

    public DateTime? LastLoginAt { get; set; }

    public List<RecoveryCode> RecoveryCodes { get; set; } = [];

    /// <summary>
    /// Who, besides the person, may change how this account signs in (e-mail, password mail, MFA
    /// reset, unlock, disable, delete): an opaque key given by the product that created the account
    /// for someone (the portal writes its partner's key), or null for the platform (staff, operators,
    /// accounts created elsewhere). Set once, at creation; never by linking an existing account.
    /// </summary>
    public string? ManagedBy { get; set; }

    public bool HasAuthenticator => ProtectedTotpSecret is not null;

    /// <summary>Disabled on the whole platform (Identity's convention: locked out for ever); see AccountAdministration.</summary>
    public bool IsDisabled => LockoutEnd == DateTimeOffset.MaxValue;
}

/// <summary>A single-use recovery code, stored as HMAC-SHA256 with a server secret (see <c>RecoveryCodes</c>).</summary>
public sealed class RecoveryCode
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string AccountId { get; set; }
    public required string CodeHash { get; set; }
    public DateTime? UsedAt { get; set; }
}
