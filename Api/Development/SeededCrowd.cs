using Api.Data;
using Api.Shared;
using Api.Portal;
using Api.Sso.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Api.Development;

/// <summary>Where a seeded end user stands (see README.md, Development accounts).</summary>
public enum SeededState
{
    NotMigrated,
    NotMigratedDisabled,
    ActivationPending,
    MfaNotEnrolled,
    Active,
    ActiveDisabled,
}

/// <summary>
/// A few hundred end users with made-up but plausible names, in every state Manage Users shows,
/// so its search, filters, sort and pages have something to work on. Deterministic: the same
/// names and states on every machine. Their SSO accounts are written in one batch (the migrator,
/// one transaction per user, would take seconds for hundreds), in the state the migrator and a
/// first sign-in would have left them: the legacy hash imported, the e-mail activated or not, the
/// development TOTP secret enrolled or not.
/// </summary>
public static class SeededCrowd
{
    public static readonly SeededState[] NorthwindCycle =
    [
        SeededState.NotMigrated, SeededState.ActivationPending, SeededState.Active, SeededState.NotMigrated,
        SeededState.MfaNotEnrolled, SeededState.Active, SeededState.NotMigratedDisabled, SeededState.Active,
        SeededState.ActivationPending, SeededState.ActiveDisabled,
    ];

    /// <summary>A client whose users are all migrated (Tailspin Toys).</summary>
    public static readonly SeededState[] MigratedCycle =
        [SeededState.Active, SeededState.Active, SeededState.MfaNotEnrolled, SeededState.ActivationPending, SeededState.Active, SeededState.ActiveDisabled];

    private static readonly string[] FirstNames =
    [
        "Olivia", "Liam", "Emma", "Noah", "Ava", "Lucas", "Mia", "Ethan", "Sofia", "Mateo",
        "Chloe", "Arjun", "Hana", "Kwame", "Ingrid", "Diego", "Yuki", "Fatima", "Oscar", "Priya",
    ];

    private static readonly string[] LastNames =
    [
        "Anderson", "Bakker", "Chen", "Dubois", "Eriksen", "Fernandes", "García", "Hughes", "Ivanova", "Jensen",
        "Kowalski", "Larsen", "Müller", "Nakamura", "Okafor", "Patel", "Quinn", "Rossi", "Silva", "Tanaka",
    ];

    public sealed record Member(EndUser User, SeededState State, int Index);

    /// <summary><paramref name="count"/> (at most 400) users of a client, their states taken in turn from <paramref name="cycle"/>.</summary>
    public static IEnumerable<Member> For(Client client, SeededState[] cycle, int count, string domain)
    {
        var now = DateTime.UtcNow;
        for (var i = 0; i < count; i++)
        {
            // i = 20q + f: first name f, last name (q + f) mod 20 — every pair distinct for 400 users.
            var (first, last) = (FirstNames[i % 20], LastNames[(i / 20 + i) % 20]);
            var state = cycle[i % cycle.Length];
            var migrated = state is not (SeededState.NotMigrated or SeededState.NotMigratedDisabled);
            var user = new EndUser
            {
                Email = $"{Ascii(first)}.{Ascii(last)}@{domain}".ToLowerInvariant(),
                DisplayName = $"{first} {last}",
                Client = client,
                Role = i % 12 == 0 ? EndUserRoles.ClientManager : EndUserRoles.EndUser,
                Enabled = state is not (SeededState.NotMigratedDisabled or SeededState.ActiveDisabled),
                LegacyPasswordHash = LegacyPasswordHash.Create(DevelopmentSeeder.Password),
                MigratedToSso = migrated,
                MigratedAt = migrated ? now.AddDays(-(i % 30) - 1) : null,
                LastLoginAt = state == SeededState.NotMigrated && i % 4 != 0 ? now.AddDays(-(i % 45)).AddHours(-(i % 9)) : null,
                CreatedAt = now.AddDays(-400 + i),
            };
            yield return new Member(user, state, i);
        }
    }

    /// <summary>Gives the migrated members their SSO accounts (with the portal's end-user role) in one SaveChanges.</summary>
    public static async Task MigrateAsync(
        IReadOnlyList<Member> members, AppDbContext db, UserManager<SsoAccount> users, RoleManager<IdentityRole> roles, string protectedTotpSecret, CancellationToken cancellationToken)
    {
        var role = await roles.FindByNameAsync(ProductRoles.PortalEndUser);
        if (role is null)
        {
            role = new IdentityRole(ProductRoles.PortalEndUser);
            await roles.CreateAsync(role);
        }

        foreach (var (user, state, index) in members.Where(m => m.User.MigratedToSso))
        {
            var activated = state != SeededState.ActivationPending;
            var enrolled = state is SeededState.Active or SeededState.ActiveDisabled;
            var account = new SsoAccount
            {
                UserName = user.Email,
                NormalizedUserName = users.NormalizeName(user.Email),
                Email = user.Email,
                NormalizedEmail = users.NormalizeEmail(user.Email),
                DisplayName = user.DisplayName,
                EmailConfirmed = activated,
                PasswordHash = user.LegacyPasswordHash,
                SecurityStamp = AccountAdministration.NewStamp(),
                LockoutEnabled = true,
                ProtectedTotpSecret = enrolled ? protectedTotpSecret : null,
                TotpEnrolledAt = enrolled ? user.MigratedAt : null,
                CreatedAt = user.MigratedAt!.Value,
                LastLoginAt = enrolled && index % 3 != 0 ? user.MigratedAt!.Value.AddHours(index % 20 + 1) : null,
                ManagedBy = PartnerSteward.Of(user.PartnerId),
            };
            db.Users.Add(account);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = account.Id, RoleId = role.Id });
            user.SsoAccountId = account.Id;
            user.LegacyPasswordHash = null;
            user.LastLoginAt = account.LastLoginAt;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>"García" → "garcia", "Müller" → "muller": e-mail addresses stay ASCII.</summary>
    private static string Ascii(string name) =>
        new([.. name.Normalize(System.Text.NormalizationForm.FormD).Where(c => char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)]);
}
