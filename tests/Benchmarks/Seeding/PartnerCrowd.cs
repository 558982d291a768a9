using Api.Portal;
using Api.Sso.Accounts;
using Api.SsoMigration.Batches;
using Microsoft.AspNetCore.Identity;

namespace Benchmarks.Seeding;

/// <summary>
/// One partner's end users, spread evenly over its clients, in the mix Manage Users sees in real
/// life: about 92% enabled, 55% migrated to SSO by the partner's waves (<see cref="MigrationWaves"/>;
/// of the moved, 5% linked to an account they had, the others' accounts in every state of their
/// <see cref="MovedUserJourney"/>, 3% disabled), a manager in twelve, varied last sign-ins; of those
/// not moved, about 0.8% need the partner's attention (<see cref="Attention"/>). Deterministic from
/// the index, so <see cref="Accounts"/>, <see cref="EndUsers"/> and <see cref="CrowdHistory"/> agree
/// on who is who without keeping hundreds of thousands of rows in memory.
/// </summary>
public sealed class PartnerCrowd
{
    private readonly IReadOnlyList<Client> clients;
    private readonly DateTime now;

    public PartnerCrowd(int partnerIndex, int size, string partnerName, IReadOnlyList<Client> clients, DateTime now)
    {
        PartnerIndex = partnerIndex;
        this.clients = clients;
        this.now = now;
        Size = size;
        // Client c holds users c, c + n, c + 2n…: their residues mod 20 repeat within twenty of them.
        Waves = new MigrationWaves(partnerName, clients,
            c => Enumerable.Range(0, 20).Select(k => c + k * clients.Count).Any(i => i < size && Migrated(i)), now);
    }

    public int Size { get; }

    public MigrationWaves Waves { get; }

    public int PartnerIndex { get; }

    public static bool Migrated(int i) => i % 20 < 11;

    /// <summary>A stable end user id per member, so the results and milestones can name them.</summary>
    public Guid EndUserId(int i) => Guid.Parse($"{PartnerIndex + 1:D8}-0001-4000-8000-{i:D12}");

    /// <summary>A stable account id per member (a valid GUID in text form, as Identity writes them).</summary>
    private string AccountId(int i) => $"{PartnerIndex + 1:D8}-0000-4000-8000-{i:D12}";

    /// <summary>Why a member not moved yet needs attention, if they do: about 0.5% no usable address, 0.2% an address another row holds, 0.1% declined.</summary>
    public static Attention AttentionOf(int i) => Migrated(i) ? Attention.None : ((uint)i * 2246822519u % 1000) switch
    {
        < 5 => Attention.NoAddress,
        < 7 => Attention.DuplicateAddress,
        7 => Attention.Declined,
        _ => Attention.None,
    };

    /// <summary>How many members Manage Users' Needs attention lists (no move failed, so only the rows' own problems).</summary>
    public int NeedsAttention => Enumerable.Range(0, Size).Count(i => AttentionOf(i) != Attention.None);

    /// <summary>How many members the wave moved.</summary>
    public int MovedBy(MigrationBatch wave) =>
        Enumerable.Range(0, Size).Count(i => Migrated(i) && Waves.WaveOf(i % clients.Count) == wave);

    /// <summary>A moved member's wave and the moment it moved them.</summary>
    public (MigrationBatch Wave, DateTime MovedAt) Move(int i)
    {
        var wave = Waves.WaveOf(i % clients.Count) ?? throw new InvalidOperationException($"Member {i} is migrated but no wave moved their client.");
        return (wave, MigrationWaves.MovedAt(wave, i / clients.Count));
    }

    public MovedUserJourney Journey(int i) => MovedUserJourney.Of(i, Move(i).MovedAt, now);

    private (string Name, string Email, Client Client) Person(int i)
    {
        var (first, last) = BenchNames.Person(i);
        var client = clients[i % clients.Count];
        return ($"{first} {last}", $"{BenchNames.Slug(first)}.{BenchNames.Slug(last)}.{i}@{BenchNames.Slug(client.Name)}.p{PartnerIndex}.test", client);
    }

    /// <summary>
    /// The address the row holds: the canonical one, or for a row needing attention what an import
    /// left there — no "@" at all, or another member's address with a capital (the same address
    /// once canonical: a moved member's, who is live and keeps theirs).
    /// </summary>
    private string EmailOf(int i, Attention attention) => attention switch
    {
        Attention.NoAddress => Person(i).Email.Replace('@', '.'),
        Attention.DuplicateAddress => char.ToUpperInvariant(Person(i - i % 20).Email[0]) + Person(i - i % 20).Email[1..],
        _ => Person(i).Email,
    };

    /// <summary>The SSO accounts: the moved members', and the accounts of other products whose owners declined a row's request.</summary>
    public IEnumerable<SsoAccount> Accounts(string passwordHash, string protectedTotpSecret, UserManager<SsoAccount> users)
    {
        for (var i = 0; i < Size; i++)
        {
            var migrated = Migrated(i);
            if (!migrated && AttentionOf(i) != Attention.Declined)
            {
                continue;
            }

            var (name, email, _) = Person(i);
            // One who declined has had an account for another product for a long time, fully set up.
            var journey = migrated ? Journey(i) : default;
            var since = migrated ? journey.MovedAt : now.AddDays(-400);
            yield return new SsoAccount
            {
                Id = AccountId(i),
                UserName = email,
                NormalizedUserName = users.NormalizeName(email),
                Email = email,
                NormalizedEmail = users.NormalizeEmail(email),
                DisplayName = name,
                EmailConfirmed = !migrated || journey.AccountActivated,
                PasswordHash = passwordHash,
                SecurityStamp = AccountAdministration.NewStamp(),
                ConcurrencyStamp = AccountId(i),
                LockoutEnabled = true,
                LockoutEnd = i % 33 == 3 ? DateTimeOffset.MaxValue : null,
                ProtectedTotpSecret = !migrated || journey.Enrolled is not null ? protectedTotpSecret : null,
                TotpEnrolledAt = migrated ? journey.Enrolled : since,
                CreatedAt = journey.Linked ? since.AddDays(-200) : since,
                LastLoginAt = migrated ? journey.Returned ?? journey.SignedIn : now.AddDays(-(i % 30) - 1),
            };
        }
    }

    public IEnumerable<EndUser> EndUsers()
    {
        for (var i = 0; i < Size; i++)
        {
            var (name, _, client) = Person(i);
            var migrated = Migrated(i);
            var attention = AttentionOf(i);
            var email = EmailOf(i, attention);
            yield return new EndUser
            {
                Id = EndUserId(i),
                ClientId = client.Id,
                Email = email,
                // What the Api's own stamp writes on every EF save (bulk SQL must set it itself); the
                // other rows' addresses are canonical by construction (ASCII, lower case): null.
                SsoEmailMismatch = attention == Attention.None ? null : EndUserEmailStamp.MismatchOf(email),
                DisplayName = name,
                Role = i % 12 == 0 ? EndUserRoles.ClientManager : EndUserRoles.EndUser,
                Enabled = i % 25 > 1,
                MigratedToSso = migrated,
                MigratedAt = migrated ? Move(i).MovedAt : null,
                SsoAccountId = migrated ? AccountId(i) : null,
                PendingAccountId = attention == Attention.Declined ? AccountId(i) : null,
                AccessDeclinedAt = attention == Attention.Declined ? now.AddDays(-(i % 20) - 1) : null,
                LastLoginAt = !migrated && i % 4 != 0 ? now.AddDays(-(i % 90)).AddMinutes(-(i % 1440)) : null,
                CreatedAt = now.AddDays(-1000 + i % 900),
            };
        }
    }
}

/// <summary>Why a member not moved yet is in Manage Users' Needs attention (<c>EndUserAttention</c>).</summary>
public enum Attention
{
    None,

    /// <summary>The row's address is none an SSO account could carry (SsoEmailMismatch empty).</summary>
    NoAddress,

    /// <summary>Once canonical, the row's address is another live row's (SsoEmailMismatch is that row's Email).</summary>
    DuplicateAddress,

    /// <summary>The owner of the existing account the partner asked to link declined.</summary>
    Declined,
}
