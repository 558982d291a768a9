using Api.Shared;
using Microsoft.EntityFrameworkCore;

namespace Api.Portal;

/// <summary>
/// Keeps <see cref="EndUser.SsoEmailMismatch"/> true to <see cref="EndUser.Email"/> on every write
/// that goes through EF: before a save, each end user added or whose address changed is measured
/// against the address an SSO account would carry (<see cref="SsoAddressOf"/>). Bulk SQL that
/// writes an address must set the column itself.
/// </summary>
public static class EndUserEmailStamp
{
    /// <summary>
    /// The address an SSO account for this row can sign in with: canonical (NFKC, lower case) and
    /// not in the reserved <c>.invalid</c> domain (where placeholders of freed or unknown addresses
    /// live); null when there is none. The migration asks the same question of every user it moves.
    /// </summary>
    public static string? SsoAddressOf(string email) =>
        InputRules.NormalizeEmail(email) is { } canonical && !canonical.EndsWith(".invalid", StringComparison.Ordinal) ? canonical : null;

    /// <summary>What <see cref="EndUser.SsoEmailMismatch"/> holds for this address: null (it is the SSO address), the SSO address, or empty (none).</summary>
    public static string? MismatchOf(string email) => SsoAddressOf(email) is { } address ? (address == email ? null : address) : "";

    public static void Apply(DbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries<EndUser>())
        {
            if (entry.State == EntityState.Added || (entry.State == EntityState.Modified && entry.Property(u => u.Email).IsModified))
            {
                entry.Entity.SsoEmailMismatch = MismatchOf(entry.Entity.Email);
            }
        }
    }
}
