using Api.Audit;
using Api.Data;
using Api.Webhooks;
using Api.Shared;
using Api.Shared.Transactions;
using Api.Shared.Links;
using Api.Sso.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Api.Portal.AccessRequests;

/// <summary>What became of an owner's answer to an access request.</summary>
public enum AccessAnswer
{
    Accepted,
    Declined,

    /// <summary>The link is unknown, expired, used, or its request was withdrawn (the row changed or was deleted).</summary>
    LinkNotValid,

    /// <summary>Signed in as someone else than the account the request is for: nothing happened, the link still works.</summary>
    WrongAccount,

    /// <summary>The account already has portal access through another end user row.</summary>
    AlreadyLinkedElsewhere,
}

/// <summary>What the link's page shows before the owner decides.</summary>
public sealed record AccessRequestView(string PartnerName, string ClientName, string Email);

/// <summary>
/// Access requests: an address a partner typed (add, edit, migration) belongs to an existing SSO
/// account the partner does not manage. A claim is not proof, so the row waits for the account's
/// owner: they are mailed a link, sign in through SSO (password and authenticator) and accept, or
/// decline ("this was not me" too, which needs no sign-in). Until they accept, the row grants
/// nothing and nothing on the account changes; their answer is audited.
/// </summary>
public sealed class OwnerConsent(
    AppDbContext db, AccountAdministration accounts, AccessRequestEmails emails, OneTimeLinks links, AuditLog audit, EndUserWebhooks webhooks, TimeProvider clock)
{
    /// <summary>
    /// Puts the row in "waiting for the account owner" and mails the owner (saved with the
    /// caller's SaveChanges). The row is not on SSO and linked to nothing meanwhile.
    /// </summary>
    public async Task AskAsync(EndUser user, ExistingAccount account, CancellationToken cancellationToken)
    {
        await WithdrawAsync(user, cancellationToken);
        user.PendingAccountId = account.AccountId;
        user.AccessDeclinedAt = null;
        user.MigratedToSso = false;
        user.MigratedAt = null;
        user.SsoAccountId = null;
        var names = await db.Clients.AsNoTracking().Where(c => c.Id == user.ClientId)
            .Select(c => new { Client = c.Name, Partner = c.Partner!.Name, c.PartnerId })
            .SingleAsync(cancellationToken);
        user.PartnerId = names.PartnerId;
        emails.QueueRequest(user, account.Email, account.DisplayName, names.Partner, names.Client);
    }

    /// <summary>
    /// The row no longer asks anyone (its address changed, or a new request replaces the last): the
    /// links already mailed stop working, so an earlier recipient cannot answer for the new one.
    /// </summary>
    public async Task WithdrawAsync(EndUser user, CancellationToken cancellationToken)
    {
        var subject = user.Id.ToString();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<OneTimeLink>()
            .Where(l => l.SubjectId == subject && l.Purpose == LinkPurpose.PortalAccessRequest && l.UsedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.UsedAt, now), cancellationToken);
        user.PendingAccountId = null;
        user.AccessDeclinedAt = null;
    }

    public async Task<AccessRequestView?> DescribeAsync(string? token, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(await links.PeekAsync(token, LinkPurpose.PortalAccessRequest, cancellationToken), out var endUserId))
        {
            return null;
        }

        return await Waiting(endUserId)
            .Select(u => new AccessRequestView(u.Client!.Partner!.Name, u.Client.Name, u.Email))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// The signed-in owner accepts: the row is linked to their account, which gets the portal's
    /// role and nothing else. Checked before the link is used, so a wrong account leaves it working;
    /// the link is then used atomically, so of fifty parallel accepts one links.
    /// </summary>
    public async Task<AccessAnswer> AcceptAsync(string? token, string accountId, AuditActor owner, CancellationToken cancellationToken)
    {
        await using var transaction = await SharedTransaction.BeginAsync(db, cancellationToken);
        if (!Guid.TryParse(await links.PeekAsync(token, LinkPurpose.PortalAccessRequest, cancellationToken), out var endUserId)
            || await Waiting(endUserId).Include(u => u.Client).FirstOrDefaultAsync(cancellationToken) is not { } user)
        {
            return AccessAnswer.LinkNotValid;
        }

        if (user.PendingAccountId != accountId)
        {
            return AccessAnswer.WrongAccount;
        }

        if (await db.EndUsers.AnyAsync(u => u.SsoAccountId == accountId && !u.Deleted && u.Id != user.Id, cancellationToken))
        {
            return AccessAnswer.AlreadyLinkedElsewhere;
        }

        if (await links.ConsumeAsync(token, LinkPurpose.PortalAccessRequest, cancellationToken) is null
            || !await accounts.GrantProductRoleAsync(accountId, ProductRoles.PortalEndUser, cancellationToken))
        {
            return AccessAnswer.LinkNotValid;
        }

        user.PendingAccountId = null;
        user.SsoAccountId = accountId;
        user.MigratedToSso = true;
        user.MigratedAt = clock.GetUtcNow().UtcDateTime;
        user.LegacyPasswordHash = null;
        audit.Record(owner, AuditActions.AccessAccepted, user.PartnerId, Target(user), after: new { Linked = true });
        await webhooks.RaiseAsync(user.Id, WebhookEventTypes.EndUserLinked, owner.Name, cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AccessAnswer.Accepted;
    }

    /// <summary>
    /// The link's holder declines ("this was not me" when <paramref name="notMe"/>): no sign-in is
    /// needed to refuse. The row stays without access; the partner's admins are told.
    /// </summary>
    public async Task<AccessAnswer> DeclineAsync(string? token, bool notMe, string? clientIp, CancellationToken cancellationToken)
    {
        await using var transaction = await SharedTransaction.BeginAsync(db, cancellationToken);
        if (!Guid.TryParse(await links.ConsumeAsync(token, LinkPurpose.PortalAccessRequest, cancellationToken), out var endUserId)
            || await Waiting(endUserId).Include(u => u.Client).FirstOrDefaultAsync(cancellationToken) is not { } user)
        {
            return AccessAnswer.LinkNotValid;
        }

        user.AccessDeclinedAt = clock.GetUtcNow().UtcDateTime;
        var owner = new AuditActor(user.PendingAccountId!, "The account's owner", clientIp);
        audit.Record(owner, AuditActions.AccessDeclined, user.PartnerId, Target(user), after: new { Declined = true, NotMe = notMe });
        var admins = await PartnerAdmins.Of(db, accounts, [user.PartnerId]).ToListAsync(cancellationToken);
        foreach (var admin in admins)
        {
            emails.QueueDeclined(user, admin.Email, admin.Name, user.Client!.Name, notMe);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AccessAnswer.Declined;
    }

    private IQueryable<EndUser> Waiting(Guid endUserId) =>
        db.EndUsers.Where(u => u.Id == endUserId && !u.Deleted && u.PendingAccountId != null && u.AccessDeclinedAt == null);

    private static AuditTarget Target(EndUser user) => new("end-user", user.Id.ToString(), user.DisplayName);
}
