using Api.Data;
using Api.Shared;
using Api.Shared.Transactions;
using Api.Portal;
using Api.Portal.AccessRequests;
using Api.Sso.Accounts;
using Api.Sso.Login;
using Api.SsoMigration.Batches;
using Microsoft.EntityFrameworkCore;

namespace Api.SsoMigration;

/// <summary>What became of one end user: <see cref="MigrationOutcomeStatus.Migrated"/>, Linked, Skipped or Failed, with the operator's sentence.</summary>
public sealed record UserMigration(MigrationOutcomeStatus Status, string? Reason = null)
{
    /// <summary>The portal hash the user's row had before it was migrated (kept on the result for a rollback).</summary>
    public string? LegacyPasswordHashBefore { get; init; }

    public static readonly UserMigration Migrated = new(MigrationOutcomeStatus.Migrated);
    public static readonly UserMigration Linked = new(MigrationOutcomeStatus.Linked);

    public static UserMigration Skipped(string reason) => new(MigrationOutcomeStatus.Skipped, reason);

    public static UserMigration Failed(string reason) => new(MigrationOutcomeStatus.Failed, reason);

    /// <summary>Leaves the hash out of ToString: an outcome may be logged.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Status = {Status}, Reason = {Reason}");
        return true;
    }
}

/// <summary>
/// Moves one end user from the portal's login to SSO. A new SSO account carries the legacy
/// hash (the same password keeps working, upgraded at first SSO login), an unverified e-mail
/// and no authenticator, managed by the user's partner. An e-mail that already has an SSO account is
/// linked only when the partner manages that account (it keeps its other product roles); someone
/// else's account is asked for its owner's consent instead (<see cref="OwnerConsent"/>) and the
/// user is skipped until they accept. All or nothing: a Failed outcome
/// leaves nothing behind (the caller's transaction, if it joined one, must roll back too).
/// </summary>
public sealed class EndUserMigrator(AppDbContext db, AccountAdministration accounts, PartnerSteward steward, OwnerConsent consent, TimeProvider clock)
{
    public const string AlreadyMigrated = "Already on Single Sign-On.";
    public const string Deleted = "Deleted before the run.";
    public const string NoUsableEmail = "No usable e-mail address: fix it, then add the user to a later batch.";
    public const string DuplicateEmail = "Another end user has the same e-mail address: fix one of them, then add the user to a later batch.";
    public const string AwaitingAccountOwner =
        "A single sign-on account with this e-mail already exists and belongs to someone else: its owner was asked by e-mail to accept portal access, and gets it when they do.";
    public const string AccountOfAnotherUser =
        "The single sign-on account with this e-mail already belongs to another portal user: correct one of the e-mails, then retry.";

    public Task<UserMigration> MigrateAsync(Guid endUserId, CancellationToken cancellationToken = default) =>
        MigrateAsync(endUserId, ssoPasswordHash: null, cancellationToken);

    /// <summary>
    /// The same, with the password a new account gets in the SSO's own format
    /// (<see cref="AccountAdministration.HashPassword"/>) instead of the row's legacy hash: a user
    /// moving as they log in typed it a moment ago (mixed mode). A linked account keeps its own.
    /// </summary>
    public async Task<UserMigration> MigrateAsync(Guid endUserId, string? ssoPasswordHash, CancellationToken cancellationToken)
    {
        await using var transaction = await SharedTransaction.BeginAsync(db, cancellationToken);
        var user = await db.EndUsers.SingleAsync(u => u.Id == endUserId, cancellationToken);
        if (await RefusalAsync(user, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var email = InputRules.NormalizeEmail(user.Email)!;
        // The address is the partner's claim: an existing account it does not manage is asked, not linked.
        if (await steward.AccountOfSomeoneElseAsync(email, user.PartnerId, cancellationToken) is { } someoneElses)
        {
            if (!(user.AwaitsAccountOwner && user.PendingAccountId == someoneElses.AccountId))
            {
                await consent.AskAsync(user, someoneElses, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            return UserMigration.Skipped(AwaitingAccountOwner);
        }

        var account = await accounts.ProvisionAsync(
            email, user.DisplayName, ssoPasswordHash ?? user.LegacyPasswordHash, ProductRoles.PortalEndUser, PartnerSteward.Of(user.PartnerId), cancellationToken);
        // Linking two portal users to one account would merge them: one would sign in as the
        // other. Only the linked path pays for this check.
        if (!account.Created && await db.EndUsers.AnyAsync(u => u.SsoAccountId == account.AccountId && u.Id != user.Id && !u.Deleted, cancellationToken))
        {
            return UserMigration.Failed(AccountOfAnotherUser);
        }

        var hashBefore = user.LegacyPasswordHash;
        user.MigratedToSso = true;
        user.MigratedAt = clock.GetUtcNow().UtcDateTime;
        user.SsoAccountId = account.AccountId;
        user.PendingAccountId = null;
        user.AccessDeclinedAt = null;
        user.LegacyPasswordHash = null;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (account.Created ? UserMigration.Migrated : UserMigration.Linked) with { LegacyPasswordHashBefore = hashBefore };
    }

    /// <summary>
    /// The e-mail an SSO account can sign in with (<see cref="EndUserEmailStamp.SsoAddressOf"/>), or
    /// null. The dry run and Manage Users ask the same question, so they report what the run will do.
    /// </summary>
    public static string? UsableEmail(string email) => EndUserEmailStamp.SsoAddressOf(email);

    /// <summary>Why this user is not migrated now, or null. Costs a query only for an e-mail stored in a non-canonical form.</summary>
    private async Task<UserMigration?> RefusalAsync(EndUser user, CancellationToken cancellationToken)
    {
        if (user.Deleted)
        {
            return UserMigration.Skipped(Deleted);
        }

        if (user.MigratedToSso)
        {
            return UserMigration.Skipped(AlreadyMigrated);
        }

        var email = UsableEmail(user.Email);
        if (email is null)
        {
            return UserMigration.Skipped(NoUsableEmail);
        }

        // E-mails entered through the Api are stored canonical and unique; an imported one in
        // another spelling ("Bob@Example.com") may name the same person as a canonical one.
        if (email != user.Email && await db.EndUsers.AnyAsync(u => u.Email == email && u.Id != user.Id && !u.Deleted, cancellationToken))
        {
            return UserMigration.Skipped(DuplicateEmail);
        }

        return null;
    }
}
