using Api.Shared.Links;
using Api.Shared.Transactions;
using Microsoft.EntityFrameworkCore;

namespace Api.Sso.Accounts;

public sealed partial class AccountAdministration
{
    /// <summary>Activation e-mails an administrator may send for one account per hour.</summary>
    public const int ActivationMailsPerHour = 5;

    /// <summary>
    /// Mails the account's activation link again: the plain activation for a migrated account (it
    /// has a password), the set-your-password invitation for one created without. The links mailed
    /// before stop working, so only the newest e-mail activates. At most
    /// <see cref="ActivationMailsPerHour"/> per account per hour, however many admins click.
    /// </summary>
    public async Task<ActivationMail> SendActivationAsync(string accountId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await SharedTransaction.BeginAsync(db, cancellationToken);
        var account = await db.Users.AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is null)
        {
            return ActivationMail.NotFound;
        }

        if (account.EmailConfirmed)
        {
            return ActivationMail.AlreadyActive;
        }

        // Taken before the mail is queued, atomically: parallel clicks cannot exceed the budget.
        if (!(await budget.TryTakeAsync($"sso:admin-activation:{accountId}", ActivationMailsPerHour, TimeSpan.FromHours(1))).Taken)
        {
            return ActivationMail.TooMany;
        }

        await RevokeActivationLinksAsync(account, cancellationToken);
        if (account.PasswordHash is null)
        {
            emails.QueueInvitation(account);
        }
        else
        {
            emails.QueueActivation(account);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ActivationMail.Sent;
    }

    /// <summary>
    /// A fresh activation link for an account whose e-mail is not activated yet, for a product that
    /// mails it in its own words (a reminder with its own steps); the links mailed before stop
    /// working. Saved with the caller's SaveChanges, so call it inside the caller's transaction.
    /// Null for an unknown account or one already activated.
    /// </summary>
    public async Task<ActivationLink?> RenewActivationLinkAsync(string accountId, CancellationToken cancellationToken = default)
    {
        var account = await db.Users.AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is not { EmailConfirmed: false })
        {
            return null;
        }

        await RevokeActivationLinksAsync(account, cancellationToken);
        return emails.NewActivationLink(account);
    }

    /// <summary>The account's unused activation links (invitations, for an account without a password) stop working.</summary>
    private Task RevokeActivationLinksAsync(SsoAccount account, CancellationToken cancellationToken) =>
        links.RevokeAsync(account.Id, account.PasswordHash is null ? LinkPurpose.PasswordReset : LinkPurpose.Activation, cancellationToken);
}
