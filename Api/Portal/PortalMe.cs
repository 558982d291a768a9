using System.Linq.Expressions;
using Api.Data;
using Api.Portal.Branding;
using Microsoft.EntityFrameworkCore;

namespace Api.Portal;

/// <summary>
/// The read behind <c>GET /api/portal/me</c>, the portal's most frequent request (every page load
/// asks it): the end user with their client, partner and branding in ONE untracked SQL statement,
/// compiled once. A tracked Include plus a second query for the branding cost two statements, two
/// connection opens, change tracking and LINQ translation on every call, for data nobody edits here.
/// Same filters as <see cref="PortalScope.FindEndUserAsync"/>: enabled, undeleted, and the kind of
/// user the token's subject names (SSO account, or legacy end-user id).
/// </summary>
public static class PortalMe
{
    /// <summary>Only the columns the answer shows: the logo's bytes stay in the database.</summary>
    private static readonly Expression<Func<EndUser, PartnerBranding?, Me>> ToMe = (u, b) => new Me(
        u.Id,
        u.DisplayName,
        u.Email,
        u.Client!.Name,
        u.Client.Partner!.Name,
        u.MigratedToSso,
        !u.MigratedToSso,
        u.Role,
        PortalBranding.Of(
            u.Client.Partner.Name,
            b == null ? null : new PartnerBranding { Color = b.Color, LogoId = b.LogoId }),
        SupportContact.Of(
            u.Client.Partner.Name,
            b == null ? null : new PartnerBranding { SupportEmail = b.SupportEmail, SupportPhone = b.SupportPhone, SupportHours = b.SupportHours }));

    private static readonly Func<AppDbContext, string, CancellationToken, Task<Me?>> BySsoAccount = EF.CompileAsyncQuery(
        (AppDbContext db, string accountId, CancellationToken _) => db.EndUsers
            .Where(u => u.SsoAccountId == accountId && u.MigratedToSso && !u.Deleted && u.Enabled)
            .LeftJoin(db.PartnerBrandings, u => u.Client!.PartnerId, b => b.PartnerId, ToMe)
            .FirstOrDefault());

    private static readonly Func<AppDbContext, Guid, CancellationToken, Task<Me?>> ByLegacyId = EF.CompileAsyncQuery(
        (AppDbContext db, Guid id, CancellationToken _) => db.EndUsers
            .Where(u => u.Id == id && !u.MigratedToSso && !u.Deleted && u.Enabled)
            .LeftJoin(db.PartnerBrandings, u => u.Client!.PartnerId, b => b.PartnerId, ToMe)
            .FirstOrDefault());

    /// <summary>The signed-in end user's answer, or null when the token names no enabled, undeleted end user.</summary>
    public static Task<Me?> FindAsync(AppDbContext db, string? subject, CancellationToken cancellationToken) =>
        LegacySubject.Parse(subject) is { } id
            ? ByLegacyId(db, id, cancellationToken)
            : BySsoAccount(db, subject ?? "", cancellationToken);
}
