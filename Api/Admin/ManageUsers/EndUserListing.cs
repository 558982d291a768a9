using System.Linq.Expressions;
using Api.Admin.Staff;
using Api.Data;
using Api.Portal;
using Api.Sso.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.ManageUsers;

/// <summary>
/// One line of Manage Users as SQL computes it: the end user, their client's name and (left
/// join: a user not migrated has no account) their SSO account's standing. Searching, filtering
/// and sorting compose on this query, so a page is one statement and its total one COUNT.
/// </summary>
public sealed class EndUserListing
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
    public required string Email { get; init; }
    public Guid ClientId { get; init; }
    public required string ClientName { get; init; }
    public required string Role { get; init; }
    public bool Enabled { get; init; }
    public bool MigratedToSso { get; init; }
    public DateTime? MigratedAt { get; init; }
    public AccountState? SsoState { get; init; }
    public DateTime? LastLoginAt { get; init; }

    /// <summary>A migrated user's SSO account has a passkey / an authenticator app (read only for the page's rows).</summary>
    public bool SsoPasskey { get; init; }
    public bool SsoAuthenticatorApp { get; init; }

    /// <summary>The row waits for the owner of an existing SSO account (or they declined): see <see cref="Portal.AccessRequests.OwnerConsent"/>.</summary>
    public bool AccessRequested { get; init; }
    public bool AccessDeclined { get; init; }

    /// <summary>How the address differs from the one SSO would use (<see cref="Portal.EndUser.SsoEmailMismatch"/>): what the migration state reads.</summary>
    public string? SsoEmailMismatch { get; init; }

    /// <summary>Every end user the caller may see, unfiltered and unsorted.</summary>
    public static IQueryable<EndUserListing> Query(StaffMember staff, AppDbContext db, AccountAdministration accounts) =>
        Query(staff.Scope(db.EndUsers.AsNoTracking()), db.Clients, accounts);

    /// <summary>Every end user the caller may see, searched, filtered and sorted as <paramref name="filter"/> asks.</summary>
    public static IOrderedQueryable<EndUserListing> Listed(StaffMember staff, AppDbContext db, AccountAdministration accounts, EndUserFilter filter) =>
        (filter.NeedsAttention == true
            ? Query(NeedingAttention(staff, db), db.Clients, accounts)
            : filter.Sort == EndUserSort.Client
            // Sorted by client, the caller's users are found through their clients (the same users: an end
            // user's partner is their client's, see EndUserPartnerStamp). SQLite then walks the partner's
            // clients in name order and sorts one client's users at a time instead of every user of the
            // partner; with the end user's PartnerId in the query it starts from the users and sorts them all.
            ? Query(db.EndUsers.AsNoTracking().Where(u => !u.Deleted), staff.Scope(db.Clients), accounts)
            : Query(staff, db, accounts))
        .Matching(filter)
        .SortedBy(filter);

    /// <summary>
    /// The caller's users needing attention, found by their ids alone (<see cref="EndUserAttention"/>
    /// scopes them). With the partner in this query too, SQLite would walk the partner's index, every
    /// user of it, testing each against the few ids; without it, it looks the few ids up and sorts them.
    /// </summary>
    private static IQueryable<EndUser> NeedingAttention(StaffMember staff, AppDbContext db)
    {
        var ids = EndUserAttention.Ids(staff, db);
        return db.EndUsers.AsNoTracking().Where(u => ids.Contains(u.Id));
    }

    private static IQueryable<EndUserListing> Query(IQueryable<EndUser> users, IQueryable<Client> clients, AccountAdministration accounts) =>
        users
            // The client joined first, as a plain join: through the navigation after the left join,
            // EF nests the join in a subquery that SQLite materialises and sorts for every user.
            .Join(clients, u => u.ClientId, c => c.Id, (u, c) => new { User = u, ClientName = c.Name })
            .LeftJoin(accounts.Standings, x => x.User.SsoAccountId, a => a.AccountId, (x, a) => new EndUserListing
            {
                Id = x.User.Id,
                Name = x.User.DisplayName,
                Email = x.User.Email,
                ClientId = x.User.ClientId,
                ClientName = x.ClientName,
                Role = x.User.Role,
                Enabled = x.User.Enabled,
                MigratedToSso = x.User.MigratedToSso,
                MigratedAt = x.User.MigratedAt,
                // "a != null" cannot be translated for a projected type; its key is null when nothing joined.
                SsoState = x.User.MigratedToSso && a!.AccountId != null ? a.State : null,
                // A migrated user signs in on the SSO, which records it; before that, the portal's form did.
                LastLoginAt = x.User.MigratedToSso ? a!.LastLoginAt : x.User.LastLoginAt,
                SsoPasskey = x.User.MigratedToSso && a!.AccountId != null && a.HasPasskey,
                SsoAuthenticatorApp = x.User.MigratedToSso && a!.AccountId != null && a.HasAuthenticatorApp,
                AccessRequested = x.User.PendingAccountId != null,
                AccessDeclined = x.User.AccessDeclinedAt != null,
                SsoEmailMismatch = x.User.SsoEmailMismatch,
            });

    /// <summary>
    /// The end users the caller may see that a filter matches, for counting them: the end users'
    /// own columns only, with no join, so a count reads one covering index (see EndUserConfiguration).
    /// Only the SSO state filter needs the account, and then it is the full <see cref="Query"/>. Needs
    /// attention counts its users by id with their own columns too (none of them is on SSO, so no
    /// SSO state filter matches them with or without the account).
    /// </summary>
    public static IQueryable<EndUserListing> Countable(StaffMember staff, AppDbContext db, AccountAdministration accounts, EndUserFilter filter) =>
        (filter.NeedsAttention == true && filter.NarrowsNothing ? IdsOnly(EndUserAttention.Ids(staff, db).Distinct())
            : filter.NeedsAttention == true ? OwnColumns(NeedingAttention(staff, db))
            : filter.SsoState is not null ? Query(staff, db, accounts)
            : OwnColumns(staff.Scope(db.EndUsers.AsNoTracking())))
        .Matching(filter);

    /// <summary>Needs attention with nothing else asked: its ids are counted from their indexes, no user's row read.</summary>
    private static IQueryable<EndUserListing> IdsOnly(IQueryable<Guid> ids) =>
        ids.Select(id => new EndUserListing { Id = id, Name = string.Empty, Email = string.Empty, ClientName = string.Empty, Role = string.Empty });

    private static IQueryable<EndUserListing> OwnColumns(IQueryable<EndUser> users) =>
        users.Select(u => new EndUserListing
        {
            Id = u.Id,
            Name = u.DisplayName,
            Email = u.Email,
            ClientId = u.ClientId,
            // Never read by a filter; the client's name would cost a join per user counted.
            ClientName = string.Empty,
            Role = u.Role,
            Enabled = u.Enabled,
            MigratedToSso = u.MigratedToSso,
            MigratedAt = u.MigratedAt,
        });
}

/// <summary>Search, filters and sort applied in SQL.</summary>
public static class EndUserListingQueries
{
    public static IQueryable<EndUserListing> Matching(this IQueryable<EndUserListing> users, EndUserFilter filter)
    {
        if (filter.Search is { } search)
        {
            var pattern = LikePattern(search);
            users = users.Where(u => EF.Functions.Like(u.Name, pattern, "\\") || EF.Functions.Like(u.Email, pattern, "\\"));
        }

        if (filter.ClientId is { } clientId)
        {
            users = users.Where(u => u.ClientId == clientId);
        }

        if (filter.Enabled is { } enabled)
        {
            users = users.Where(u => u.Enabled == enabled);
        }

        if (filter.Migrated is { } migrated)
        {
            users = users.Where(u => u.MigratedToSso == migrated);
        }

        if (filter.SsoState is { } state)
        {
            users = users.Where(u => u.SsoState == state);
        }

        return users;
    }

    /// <summary>
    /// What <c>EF.Functions.Like(column, pattern, "\\")</c> needs to find the text anywhere: LIKE, not
    /// Contains, is case-insensitive on SQLite as on SQL Server; wildcards typed by the user are literal.
    /// </summary>
    public static string LikePattern(string search) =>
        "%" + search.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";

    /// <summary>
    /// Sorted, with name and then id breaking ties so that pages neither repeat nor skip a user.
    /// Ties go the same direction as the column, and clients are kept apart by id, so that each
    /// order is exactly one index (see EndUserConfiguration) read forwards or backwards: a page
    /// costs the same at 5,000 users as at 500,000. Last login, which comes from two tables
    /// (the SSO account once migrated), is the one order SQL must sort.
    /// </summary>
    public static IOrderedQueryable<EndUserListing> SortedBy(this IQueryable<EndUserListing> users, EndUserFilter filter)
    {
        var descending = filter.Descending;
        var sorted = filter.Sort switch
        {
            EndUserSort.Email => Order(users, u => u.Email, descending),
            EndUserSort.Client => Then(Order(users, u => u.ClientName, descending), u => u.ClientId, descending),
            EndUserSort.Role => Order(users, u => u.Role, descending),
            EndUserSort.Status => Order(users, u => u.Enabled, descending),
            EndUserSort.MigratedAt => Order(users, u => u.MigratedAt, descending),
            EndUserSort.LastLogin => Order(users, u => u.LastLoginAt, descending),
            _ => null,
        };
        var byName = sorted is null ? Order(users, u => u.Name, descending) : Then(sorted, u => u.Name, descending);
        return Then(byName, u => u.Id, descending);
    }

    private static IOrderedQueryable<EndUserListing> Then<TKey>(IOrderedQueryable<EndUserListing> users, Expression<Func<EndUserListing, TKey>> key, bool descending) =>
        descending ? users.ThenByDescending(key) : users.ThenBy(key);

    private static IOrderedQueryable<EndUserListing> Order<TKey>(IQueryable<EndUserListing> users, Expression<Func<EndUserListing, TKey>> key, bool descending) =>
        descending ? users.OrderByDescending(key) : users.OrderBy(key);
}
