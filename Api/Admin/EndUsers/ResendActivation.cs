using Api.Admin.Staff;
using Api.Audit;
using Api.Shared.Links;
using Api.Sso.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.EndUsers;

public enum ResendOutcome
{
    Sent,
    NotFound,
    AlreadyActivated,
    HasPassword,
    TooMany,

    /// <summary>The sign-in behind the row is someone else's: no password or activation mail goes to it from here.</summary>
    ManagedElsewhere,

    /// <summary>The row waits for the owner of an existing account: the request was mailed to them again.</summary>
    AskedAgain,

    /// <summary>The partner's or the address's e-mail budget is spent (<see cref="MailLimits.AdminMailBudget"/>).</summary>
    MailLimitReached,
}

/// <summary>
/// Sends a user's first-sign-in e-mail again: the SSO activation for a migrated user, the
/// portal's set-password link for a new one without a password. At most
/// <see cref="AccountAdministration.ActivationMailsPerHour"/> per user per hour, however many
/// staff click at once.
/// </summary>
public static class ResendActivation
{
    public static async Task<Results<Accepted, ProblemHttpResult>> HandleAsync(
        Guid id, StaffMember staff, [AsParameters] EndUserServices s, CancellationToken cancellationToken) =>
        await ApplyAsync(id, staff, s, cancellationToken) switch
        {
            ResendOutcome.Sent or ResendOutcome.AskedAgain => TypedResults.Accepted((string?)null),
            ResendOutcome.ManagedElsewhere => EndUserProblems.ManagedElsewhere("get password or activation e-mails from here"),
            ResendOutcome.AlreadyActivated => EndUserProblems.AlreadyActivated(),
            ResendOutcome.HasPassword => EndUserProblems.HasPassword(),
            ResendOutcome.TooMany => EndUserProblems.TooManyEmails(),
            ResendOutcome.MailLimitReached => s.MailBudget.LastRefusal!.Problem,
            _ => EndUserProblems.NotFound(),
        };

    public static async Task<ResendOutcome> ApplyAsync(Guid id, StaffMember staff, EndUserServices s, CancellationToken cancellationToken)
    {
        var outcome = ResendOutcome.NotFound;
        await s.ActAsync(staff, id, async user =>
        {
            // Who may be mailed is decided first, so a refused request spends no e-mail units.
            var askAgain = user.PendingAccountId is not null;
            if (!askAgain && await s.Ownership.OfAsync(staff, user, cancellationToken) != EndUserAuthority.Full)
            {
                outcome = ResendOutcome.ManagedElsewhere;
                return null;
            }

            if (await s.MailBudget.TryTakeAsync(user.Client!.PartnerId, user.Email) is not null)
            {
                outcome = ResendOutcome.MailLimitReached;
                return null;
            }

            if (askAgain)
            {
                outcome = await AskAgainAsync(user, s, cancellationToken);
                if (outcome != ResendOutcome.AskedAgain)
                {
                    await s.MailBudget.GiveBackAsync(user.Client!.PartnerId, user.Email);
                    return null;
                }

                return new AuditedChange(AuditActions.AccessRequested);
            }

            outcome = user is { MigratedToSso: true, SsoAccountId: { } accountId }
                ? await s.Accounts.SendActivationAsync(accountId, cancellationToken) switch
                {
                    ActivationMail.Sent => ResendOutcome.Sent,
                    ActivationMail.AlreadyActive => ResendOutcome.AlreadyActivated,
                    ActivationMail.TooMany => ResendOutcome.TooMany,
                    _ => ResendOutcome.NotFound,
                }
                : await QueueSetPasswordAsync(user, s, cancellationToken);
            if (outcome != ResendOutcome.Sent)
            {
                // Nothing was sent (already active, or the per-user limit): the units go back.
                await s.MailBudget.GiveBackAsync(user.Client!.PartnerId, user.Email);
                return null;
            }

            return new AuditedChange(AuditActions.ActivationResent);
        }, cancellationToken);
        return outcome;
    }

    private static async Task<ResendOutcome> QueueSetPasswordAsync(Portal.EndUser user, EndUserServices s, CancellationToken cancellationToken)
    {
        if (user.LegacyPasswordHash is not null)
        {
            return ResendOutcome.HasPassword;
        }

        if (await RecentLinksAsync(user, LinkPurpose.PortalPasswordSetup, s, cancellationToken) >= AccountAdministration.ActivationMailsPerHour)
        {
            return ResendOutcome.TooMany;
        }

        s.SetupEmails.Queue(user);
        return ResendOutcome.Sent;
    }

    /// <summary>Mails the owner of the account the row waits for once more (after a decline too: the partner may ask again).</summary>
    private static async Task<ResendOutcome> AskAgainAsync(Portal.EndUser user, EndUserServices s, CancellationToken cancellationToken)
    {
        if (await RecentLinksAsync(user, LinkPurpose.PortalAccessRequest, s, cancellationToken) >= AccountAdministration.ActivationMailsPerHour)
        {
            return ResendOutcome.TooMany;
        }

        // Whoever has the address now is asked (the account it belonged to may have changed address since).
        if (await s.AccountOfSomeoneElseAsync(user.Email, user.PartnerId, cancellationToken) is not { } account)
        {
            return ResendOutcome.NotFound;
        }

        await s.Consent.AskAsync(user, account, cancellationToken);
        return ResendOutcome.AskedAgain;
    }

    /// <summary>
    /// The links of the last hour are the budget. A no-op update first locks the user's row until
    /// the commit, so parallel resends count one after another (SQL Server as SQLite).
    /// </summary>
    private static async Task<int> RecentLinksAsync(Portal.EndUser user, LinkPurpose purpose, EndUserServices s, CancellationToken cancellationToken)
    {
        await s.Db.EndUsers.Where(u => u.Id == user.Id).ExecuteUpdateAsync(set => set.SetProperty(u => u.Enabled, u => u.Enabled), cancellationToken);
        var since = s.Clock.GetUtcNow().UtcDateTime.AddHours(-1);
        var subject = user.Id.ToString();
        return await s.Db.Set<OneTimeLink>()
            .CountAsync(l => l.SubjectId == subject && l.Purpose == purpose && l.CreatedAt > since, cancellationToken);
    }
}
