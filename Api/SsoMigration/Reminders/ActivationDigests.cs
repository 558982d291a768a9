using Api.Data;
using Api.Mail;
using Api.Portal;
using Api.Shared.Transactions;
using Api.Sso.Accounts;
using Api.SsoMigration.Batches;
using Api.SsoMigration.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Api.SsoMigration.Reminders;

/// <summary>
/// The partners' digest: <see cref="ReminderOptions.DigestAfterDays"/> days after a batch
/// completed, each partner whose moved users activated below
/// <see cref="ReminderOptions.DigestThresholdPercent"/> gets one e-mail (to each admin) with the
/// counts per client. It is a <see cref="MigrationNotice"/> (kind LowActivation), so the notices'
/// unique row makes it once per batch and partner. Looked at for two days from then, so a replica
/// down for a day still sends it, and never again after.
/// </summary>
public sealed class ActivationDigests(
    AppDbContext db, AccountAdministration accounts, Outbox outbox, DigestEmails emails, IOptions<ReminderOptions> options, TimeProvider clock)
{
    private const int LookDays = 2;

    /// <summary>Sends every digest due at <paramref name="asOf"/>, each in its own transaction; returns how many this pass sent.</summary>
    public async Task<int> SendDueAsync(DateTime asOf, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var until = asOf.AddDays(-settings.DigestAfterDays);
        var since = until.AddDays(-LookDays);
        var clients = await (from batch in db.MigrationBatches
                             where batch.Status == MigrationBatchStatus.Completed && batch.CompletedAt <= until && batch.CompletedAt > since
                             join result in db.MigrationResults on batch.Id equals result.BatchId
                             where result.Status == MigrationOutcomeStatus.Migrated || result.Status == MigrationOutcomeStatus.Linked
                             join user in db.EndUsers on result.EndUserId equals user.Id
                             where user.MigratedToSso && !user.Deleted
                                 && !db.MigrationNotices.Any(n => n.BatchId == batch.Id && n.PartnerId == user.PartnerId && n.Kind == MigrationNoticeKind.LowActivation)
                             join account in accounts.Standings on user.SsoAccountId equals account.AccountId
                             group account.State by new { BatchId = batch.Id, user.PartnerId, user.ClientId, ClientName = user.Client!.Name } into client
                             select new DigestClient(
                                 client.Key.BatchId,
                                 client.Key.PartnerId,
                                 client.Key.ClientName,
                                 client.Count(),
                                 client.Count(state => state != AccountState.ActivationPending),
                                 client.Count(state => state == AccountState.Active)))
            .ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var partner in clients.GroupBy(c => (c.BatchId, c.PartnerId)))
        {
            var moved = partner.Sum(c => c.Moved);
            if (moved > 0 && partner.Sum(c => c.Activated) * 100 < settings.DigestThresholdPercent * moved
                && await SendAsync(partner.Key.BatchId, partner.Key.PartnerId, [.. partner.OrderBy(c => c.ClientName)], cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> SendAsync(Guid batchId, Guid partnerId, IReadOnlyList<DigestClient> clients, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await SharedTransaction.BeginAsync(db, cancellationToken);
        try
        {
            var batch = await db.MigrationBatches.AsNoTracking().SingleAsync(b => b.Id == batchId, cancellationToken);
            if (await db.MigrationNotices.AnyAsync(n => n.BatchId == batchId && n.PartnerId == partnerId && n.Kind == MigrationNoticeKind.LowActivation, cancellationToken))
            {
                return false;
            }

            db.MigrationNotices.Add(new MigrationNotice
            {
                BatchId = batchId,
                PartnerId = partnerId,
                Kind = MigrationNoticeKind.LowActivation,
                ScheduledFor = batch.ScheduledAt,
                SentAt = clock.GetUtcNow().UtcDateTime,
            });
            await foreach (var admin in PartnerAdmins.Of(db, accounts, [partnerId]).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                outbox.Enqueue(NoticeEmails.Kind, admin.Email, emails.Compose(batch, clients, admin.Name));
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            // Another replica sent this digest first; our row and e-mails roll back with the transaction.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}

/// <summary>One client of a partner in a batch: how many users it moved, how many activated, how many also set up an authenticator.</summary>
public sealed record DigestClient(Guid BatchId, Guid PartnerId, string ClientName, int Moved, int Activated, int Ready);
