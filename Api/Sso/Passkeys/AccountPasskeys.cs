using Api.Sso.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Api.Sso.Passkeys;

/// <summary>An account's passkey rows, written directly (in the caller's transaction) rather than through UserManager, which would save the whole account.</summary>
public static class AccountPasskeys
{
    public const int MaxNameLength = 100;

    public static IQueryable<IdentityUserPasskey<string>> Of(SsoDbContext db, string accountId) =>
        db.Set<IdentityUserPasskey<string>>().Where(p => p.UserId == accountId);

    public static Task<bool> AnyAsync(SsoDbContext db, string accountId, CancellationToken cancellationToken = default) =>
        Of(db, accountId).AnyAsync(cancellationToken);

    /// <summary>Queues the new passkey (saved with the caller's SaveChanges).</summary>
    public static void Add(SsoDbContext db, string accountId, UserPasskeyInfo info, string? name, DateTime now) =>
        db.Add(new IdentityUserPasskey<string>
        {
            UserId = accountId,
            CredentialId = info.CredentialId,
            Data = new IdentityPasskeyData
            {
                PublicKey = info.PublicKey,
                Name = string.IsNullOrWhiteSpace(name) ? $"Passkey added {now:yyyy-MM-dd}" : name.Trim(),
                CreatedAt = info.CreatedAt,
                SignCount = info.SignCount,
                Transports = info.Transports,
                IsUserVerified = info.IsUserVerified,
                IsBackupEligible = info.IsBackupEligible,
                IsBackedUp = info.IsBackedUp,
                AttestationObject = info.AttestationObject,
                ClientDataJson = info.ClientDataJson,
            },
        });

    /// <summary>
    /// After a verified assertion: the new sign counter (a counter that fails to grow is what
    /// Identity refuses as a cloned authenticator), the backup state, and when it was used.
    /// </summary>
    public static async Task RecordUseAsync(SsoDbContext db, UserPasskeyInfo used, DateTime now)
    {
        var row = await db.Set<IdentityUserPasskey<string>>().FirstAsync(p => p.CredentialId == used.CredentialId);
        row.Data.SignCount = used.SignCount;
        row.Data.IsBackedUp = used.IsBackedUp;
        row.Data.IsUserVerified = used.IsUserVerified;
        db.Entry(row).Property(PasskeyModelConfiguration.LastUsedAt).CurrentValue = now;
        await db.SaveChangesAsync();
    }

    /// <summary>RFC 8176 methods of a passkey sign-in: proof of possession of a key, multi-factor (the authenticator verified the user), and the key's kind.</summary>
    public static string[] AuthenticationMethods(UserPasskeyInfo passkey) =>
        ["pop", "mfa", passkey.IsBackupEligible ? "swk" : "hwk"];

    public static bool IsValidName(string? name) => name is not null && name.Trim().Length is > 0 and <= MaxNameLength;
}
