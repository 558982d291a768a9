using Api.Admin.EndUsers;
using Api.Admin.MailLimits;
using Api.Admin.Staff;
using Api.Audit;
using Api.Data;
using Api.Shared;
using Api.Shared.Transactions;
using Api.Portal.Branding;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.Branding;

/// <summary>What every branding action needs, bound by <c>[AsParameters]</c>; plus the steps they share.</summary>
public sealed record BrandingServices(
    AppDbContext Db, AuditLog Audit, TimeProvider Clock, AdminMailBudget MailBudget, SupportAddressConfirmation SupportAddress)
{
    public Task<BrandingSettings?> ChangeAsync(StaffMember staff, Func<PartnerBranding, AuditedChange?> change, CancellationToken cancellationToken) =>
        ChangeAsync(staff, branding => Task.FromResult(change(branding)), cancellationToken);

    /// <summary>
    /// One change of the caller's partner's branding, as a whole: the row is locked (created first
    /// when the partner has none), <paramref name="change"/> edits it and says what changed; only
    /// then are the audit entry and the row saved together. Parallel changes queue on the row, so
    /// each sees the one before and only a real change is audited. Null: the caller has no partner.
    /// </summary>
    public async Task<BrandingSettings?> ChangeAsync(StaffMember staff, Func<PartnerBranding, Task<AuditedChange?>> change, CancellationToken cancellationToken)
    {
        if (staff.PartnerId is not { } partnerId)
        {
            return null;
        }

        await EnsureRowAsync(partnerId, cancellationToken);
        await using (var transaction = await SharedTransaction.BeginAsync(Db, cancellationToken))
        {
            // A write first, so the row is locked (SQL Server) before it is read; SQLite has one writer anyway.
            await Db.PartnerBrandings.Where(b => b.PartnerId == partnerId)
                .ExecuteUpdateAsync(set => set.SetProperty(b => b.UpdatedAt, b => b.UpdatedAt), cancellationToken);
            var branding = await Db.PartnerBrandings.Include(b => b.Partner).SingleAsync(b => b.PartnerId == partnerId, cancellationToken);
            if (await change(branding) is { } changed)
            {
                branding.UpdatedAt = Clock.GetUtcNow().UtcDateTime;
                Audit.Record(staff.Actor, changed.Action, partnerId, new AuditTarget("partner", partnerId.ToString(), branding.Partner!.Name), changed.Before, changed.After);
                await Db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }

        return await SettingsAsync(partnerId, cancellationToken);
    }

    /// <summary>The partner's settings as the admin page shows them (defaults when never set).</summary>
    public async Task<BrandingSettings> SettingsAsync(Guid partnerId, CancellationToken cancellationToken)
    {
        var row = await Db.Partners.AsNoTracking()
            .Where(p => p.Id == partnerId)
            .LeftJoin(Db.PartnerBrandings, p => p.Id, b => b.PartnerId, (p, b) => new
            {
                p.Name,
                Color = b == null ? null : b.Color,
                LogoId = b == null ? null : b.LogoId,
                SupportEmail = b == null ? null : b.SupportEmail,
                SupportEmailConfirmed = b != null && b.SupportEmailConfirmedAt != null,
                SupportPhone = b == null ? null : b.SupportPhone,
                SupportHours = b == null ? null : b.SupportHours,
            })
            .SingleAsync(cancellationToken);
        return new BrandingSettings(row.Name, row.Color, LogoApi.UrlOf(row.LogoId), row.SupportEmail, row.SupportEmail is not null && row.SupportEmailConfirmed, row.SupportPhone, row.SupportHours);
    }

    /// <summary>The answer to an operator: branding belongs to one partner, and they have none.</summary>
    public static ProblemHttpResult NoPartner() =>
        Problems.Status(
            StatusCodes.Status409Conflict,
            "Branding belongs to a partner",
            "Branding is set by each partner's admin for their own portal. Platform operators have no partner of their own: ask the partner's admin.");

    // The branding row exists from the first change on; two first changes at once both try to
    // create it, and the one that loses finds it made.
    private async Task EnsureRowAsync(Guid partnerId, CancellationToken cancellationToken)
    {
        if (await Db.PartnerBrandings.AnyAsync(b => b.PartnerId == partnerId, cancellationToken))
        {
            return;
        }

        await using var transaction = await SharedTransaction.BeginAsync(Db, cancellationToken);
        if (await Db.PartnerBrandings.AnyAsync(b => b.PartnerId == partnerId, cancellationToken))
        {
            return;
        }

        var row = Db.PartnerBrandings.Add(new PartnerBranding { PartnerId = partnerId, UpdatedAt = Clock.GetUtcNow().UtcDateTime });
        try
        {
            await Db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Made by another request meanwhile.
        }
        finally
        {
            // Not kept in the context: the change reads the row afresh, under its lock, with what others wrote since.
            row.State = EntityState.Detached;
        }
    }
}

/// <param name="LogoUrl">The logo's public address (changes with the logo); null when there is none.</param>
/// <param name="SupportEmailConfirmed">True once the support address's confirmation link was used: only then does it receive new-ticket notices.</param>
public sealed record BrandingSettings(
    string PartnerName, string? Color, string? LogoUrl, string? SupportEmail, bool SupportEmailConfirmed, string? SupportPhone, string? SupportHours);
