using Api.Admin.ManageUsers;
using Api.Admin.Staff;
using Api.Data;
using Api.Shared;
using Api.Sso.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.HomeUsers;

/// <summary>
/// One person of Home &gt; User Management as SQL finds them: a staff member of the partner, or an
/// end user of its clients whose SSO account another product of the platform has given a role
/// (linked at migration rather than created by it). One query, so a page is one statement.
/// </summary>
public sealed class HomeUserListing
{
    public const string StaffKind = "staff";
    public const string EndUserKind = "end-user";

    /// <summary>
    /// The roles the portal gives: an end user holding none but these was only moved to SSO by the
    /// migration and stays managed in Manage Users, not here (the seed's FAQ).
    /// </summary>
    private static readonly string[] PortalRoles =
        [ProductRoles.PortalEndUser, ProductRoles.PartnerAdmin, ProductRoles.PartnerTechnician, ProductRoles.PlatformOperator];

    public Guid Id { get; init; }
    public required string Kind { get; init; }
    public required string Name { get; init; }
    public required string Email { get; init; }
    public string? ClientName { get; init; }
    public Guid PartnerId { get; init; }
    public required string AccountId { get; init; }

    /// <summary>Everyone the caller may see here, unsorted.</summary>
    public static IQueryable<HomeUserListing> Query(StaffMember staff, AppDbContext db, AccountAdministration accounts)
    {
        var staffMembers = staff.Scope(db.PartnerStaff.AsNoTracking())
            .Join(accounts.Standings, s => s.SsoAccountId, a => a.AccountId, (s, a) => new HomeUserListing
            {
                Id = s.Id,
                Kind = StaffKind,
                Name = a.Name,
                Email = a.Email,
                ClientName = null,
                PartnerId = s.PartnerId,
                AccountId = s.SsoAccountId,
            });
        var elsewhere = accounts.HoldingRolesOtherThan(PortalRoles);
        var linkedEndUsers = staff.Scope(db.EndUsers.AsNoTracking())
            .Where(u => u.MigratedToSso && u.SsoAccountId != null && elsewhere.Contains(u.SsoAccountId))
            .Select(u => new HomeUserListing
            {
                Id = u.Id,
                Kind = EndUserKind,
                Name = u.DisplayName,
                Email = u.Email,
                ClientName = u.Client!.Name,
                PartnerId = u.Client.PartnerId,
                AccountId = u.SsoAccountId!,
            });
        return staffMembers.Concat(linkedEndUsers);
    }
}

public static class HomeUserListingQueries
{
    public static IQueryable<HomeUserListing> Matching(this IQueryable<HomeUserListing> people, string? search)
    {
        if (search is null)
        {
            return people;
        }

        var pattern = EndUserListingQueries.LikePattern(search);
        return people.Where(p => EF.Functions.Like(p.Name, pattern, "\\") || EF.Functions.Like(p.Email, pattern, "\\"));
    }

    /// <summary>By name, then e-mail and id, so that pages neither repeat nor skip a person.</summary>
    public static IOrderedQueryable<HomeUserListing> Sorted(this IQueryable<HomeUserListing> people) =>
        people.OrderBy(p => p.Name).ThenBy(p => p.Email).ThenBy(p => p.Id);
}
