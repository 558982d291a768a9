using Api.Data;
using Api.Sso.Accounts;
using Api.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Api.Portal;

/// <summary>
/// Turns the SSO's account milestones into the partner's webhook events: activated, MFA enrolled,
/// locked — one event per end user row linked to the account (a person may be the end user of two
/// partners; each hears of it). Joins the SSO's unit of work, so a step that rolls back raises nothing.
/// </summary>
public sealed class EndUserMilestoneWebhooks(AppDbContext db, EndUserWebhooks webhooks) : IAccountMilestoneListener
{
    public async Task ReachedAsync(AccountMilestoneReached milestone, CancellationToken cancellationToken = default)
    {
        var type = milestone.Milestone switch
        {
            AccountMilestone.EmailActivated => WebhookEventTypes.EndUserActivated,
            AccountMilestone.AuthenticatorEnrolled => WebhookEventTypes.EndUserMfaEnrolled,
            AccountMilestone.Locked => WebhookEventTypes.EndUserLocked,
            _ => null,
        };
        if (type is null)
        {
            return;
        }

        var rows = await db.EndUsers.Where(u => u.SsoAccountId == milestone.AccountId && !u.Deleted).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            // The user's own step: they are the actor.
            await webhooks.RaiseAsync(row.Id, type, row.DisplayName, cancellationToken: cancellationToken);
        }

        // Saved here, inside the caller's transaction where there is one: some steps report after their own save.
        if (rows.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
