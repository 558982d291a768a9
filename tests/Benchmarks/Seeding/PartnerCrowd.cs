using Api.Portal;
using Api.Sso.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Benchmarks.Seeding;

/// <summary>
/// One partner's end users, spread evenly over its clients, in the mix Manage Users sees in real
/// life: about 92% enabled, 55% migrated to SSO (of those 10% not yet activated, 10% without an
/// authenticator, 3% disabled), a manager in twelve, varied last sign-ins. Deterministic from the
/// index, so <see cref="Accounts"/> and <see cref="EndUsers"/> agree on who is migrated without
/// keeping hundreds of thousands of rows in memory.
/// </summary>
public sealed class PartnerCrowd(int partnerIndex, int size, IReadOnlyList<Client> clients, DateTime now)
{
    private bool Migrated(int i) => i % 20 < 11;

    /// <summary>A stable account id per member (a valid GUID in text form, as Identity writes them).</summary>
    private string AccountId(int i) => $"{partnerIndex + 1:D8}-0000-4000-8000-{i:D12}";

    private (string Name, string Email, Client Client) Person(int i)
    {
        var (first, last) = BenchNames.Person(i);
        var client = clients[i % clients.Count];
        return ($"{first} {last}", $"{BenchNames.Slug(first)}.{BenchNames.Slug(last)}.{i}@{BenchNames.Slug(client.Name)}.p{partnerIndex}.test", client);
    }

    public IEnumerable<SsoAccount> Accounts(string passwordHash, string protectedTotpSecret, UserManager<SsoAccount> users)
    {
        for (var i = 0; i < size; i++)
        {
            if (!Migrated(i))
            {
                continue;
            }

            var (name, email, _) = Person(i);
            var migratedAt = now.AddDays(-(i % 300) - 1);
            var activated = i % 10 != 1;
            var enrolled = activated && i % 10 != 2;
            yield return new SsoAccount
            {
                Id = AccountId(i),
                UserName = email,
                NormalizedUserName = users.NormalizeName(email),
                Email = email,
                NormalizedEmail = users.NormalizeEmail(email),
                DisplayName = name,
                EmailConfirmed = activated,
                PasswordHash = passwordHash,
                SecurityStamp = AccountAdministration.NewStamp(),
                ConcurrencyStamp = AccountId(i),
                LockoutEnabled = true,
                LockoutEnd = i % 33 == 3 ? DateTimeOffset.MaxValue : null,
                ProtectedTotpSecret = enrolled ? protectedTotpSecret : null,
                TotpEnrolledAt = enrolled ? migratedAt : null,
                CreatedAt = migratedAt,
                LastLoginAt = enrolled && i % 3 != 0 ? migratedAt.AddHours(i % 500) : null,
            };
        }
    }

    public IEnumerable<EndUser> EndUsers()
    {
        for (var i = 0; i < size; i++)
        {
            var (name, email, client) = Person(i);
            var migrated = Migrated(i);
            yield return new EndUser
            {
                ClientId = client.Id,
                Email = email,
                DisplayName = name,
                Role = i % 12 == 0 ? EndUserRoles.ClientManager : EndUserRoles.EndUser,
                Enabled = i % 25 > 1,
                MigratedToSso = migrated,
                MigratedAt = migrated ? now.AddDays(-(i % 300) - 1) : null,
                SsoAccountId = migrated ? AccountId(i) : null,
                LastLoginAt = !migrated && i % 4 != 0 ? now.AddDays(-(i % 90)).AddMinutes(-(i % 1440)) : null,
                CreatedAt = now.AddDays(-1000 + i % 900),
            };
        }
    }
}
