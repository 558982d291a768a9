using Api.Data;
using Api.Portal;
using Api.Shared.Transactions;
using Api.Mail;
using Api.SsoMigration.Batches;
using Api.SsoMigration.Execution;
using Api.SsoMigration.Planning;
using Api.Sso.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Api.SsoMigration.Notices;

/// <summary>
/// The e-mails partner admins get about a batch of their clients, each exactly once. A notice is
/// a <see cref="MigrationNotice"/> row plus its outbox e-mails, saved together; the row's unique
/// index (batch, partner, kind, date) is what makes it once: a second writer — another replica,
/// another pass — fails on it and its e-mails roll back with it. No lease is needed.
/// Upcoming notices are sent by <see cref="UpcomingNoticeSender"/> (and at creation when already
/// due); the others in the transaction of the action that causes them.
/// </summary>
public sealed class MigrationNotices(
    AppDbContext db, AccountAdministration accounts, Outbox outbox, NoticeEmails emails, TimeProvider clock, IOptions<MigrationOptions> options)
    : IBatchOutcomeNotices
{
    /// <summary>
    /// The Upcoming notice of a batch just created, to each of its partners, when the batch is
    /// already within the notice lead (waiting for the next pass would delay it for no reason).
    /// In the caller's transaction.
    /// </summary>
    public async Task QueueUpcomingIfDueAsync(MigrationBatch batch, CancellationToken cancellationToken)
    {
        if (IsDue(batch))
        {
            await QueueAsync(batch, MigrationNoticeKind.Upcoming, cancellationToken);
        }
    }

    /// <summary>
    /// The new date, to each partner of the batch, in the caller's transaction. It announces the
    /// new date fully (clients, end-user steps), so it also counts as that date's Upcoming notice.
    /// </summary>
    public Task QueueRescheduledAsync(MigrationBatch batch, CancellationToken cancellationToken) =>
        QueueAsync(batch, MigrationNoticeKind.Rescheduled, cancellationToken);

    /// <summary>The batch will not run, to each of its partners, in the caller's transaction.</summary>
    public Task QueueCancelledAsync(MigrationBatch batch, CancellationToken cancellationToken) =>
        QueueAsync(batch, MigrationNoticeKind.Cancelled, cancellationToken);

    /// <summary>
    /// For the batch runner, when a run ends with failed users: each partner with failed users is
    /// told how many, per client, in the caller's transaction (saved here; committed by the caller).
    /// </summary>
    public async Task QueueFailedAsync(MigrationBatch batch, CancellationToken cancellationToken)
    {
        var failed = await (from result in db.MigrationResults
                            where result.BatchId == batch.Id && result.Status == MigrationOutcomeStatus.Failed
                            join user in db.EndUsers on result.EndUserId equals user.Id
                            group user by new { user.Client!.PartnerId, user.Client.Name } into perClient
                            select new { perClient.Key.PartnerId, perClient.Key.Name, Count = perClient.Count() })
            .ToListAsync(cancellationToken);
        var partners = failed.GroupBy(f => f.PartnerId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<NoticeClient>)[.. g.OrderBy(c => c.Name).Select(c => new NoticeClient(c.Name, c.Count))]);
        await WriteAsync(batch, MigrationNoticeKind.Failed, partners, cancellationToken);
    }

    /// <summary>
    /// One pass of the scheduler: every Upcoming notice due now (a scheduled batch within the
    /// notice lead whose partner was not told its current date yet), each in its own transaction.
    /// Returns how many this pass sent; the ones another writer sent first are not counted.
    /// </summary>
    public async Task<int> SendDueUpcomingAsync(CancellationToken cancellationToken)
    {
        var horizon = clock.GetUtcNow().UtcDateTime + options.Value.NoticeLead;
        var due = await (from batch in db.MigrationBatches
                         where batch.Status == MigrationBatchStatus.Scheduled && batch.ScheduledAt <= horizon
                         from member in batch.Clients
                         join client in db.Clients on member.ClientId equals client.Id
                         where !db.MigrationNotices.Any(n => n.BatchId == batch.Id && n.PartnerId == client.PartnerId
                             && n.ScheduledFor == batch.ScheduledAt
                             && (n.Kind == MigrationNoticeKind.Upcoming || n.Kind == MigrationNoticeKind.Rescheduled))
                         select new { BatchId = batch.Id, client.PartnerId })
            .Distinct()
            .ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var notice in due)
        {
            if (await SendUpcomingAsync(notice.BatchId, notice.PartnerId, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> SendUpcomingAsync(Guid batchId, Guid partnerId, CancellationToken cancellationToken)
    {
        await using var transaction = await SharedTransaction.BeginAsync(db, cancellationToken);
        try
        {
            // Read again inside the transaction: the batch may have been rescheduled or
            // cancelled, or the notice sent, since the pass looked.
            var batch = await db.MigrationBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == batchId, cancellationToken);
            if (batch is not { Status: MigrationBatchStatus.Scheduled } || !IsDue(batch) || await AnnouncedAsync(batch, partnerId, cancellationToken))
            {
                return false;
            }

            var partners = await ClientsByPartnerAsync(batch.Id, partnerId, cancellationToken);
            await WriteAsync(batch, MigrationNoticeKind.Upcoming, partners, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            // Another replica sent this notice first; our row and e-mails roll back with the transaction.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private bool IsDue(MigrationBatch batch) => clock.GetUtcNow().UtcDateTime >= batch.ScheduledAt - options.Value.NoticeLead;

    private Task<bool> AnnouncedAsync(MigrationBatch batch, Guid partnerId, CancellationToken cancellationToken) =>
        db.MigrationNotices.AnyAsync(n => n.BatchId == batch.Id && n.PartnerId == partnerId && n.ScheduledFor == batch.ScheduledAt
            && (n.Kind == MigrationNoticeKind.Upcoming || n.Kind == MigrationNoticeKind.Rescheduled), cancellationToken);

    private async Task QueueAsync(MigrationBatch batch, MigrationNoticeKind kind, CancellationToken cancellationToken) =>
        await WriteAsync(batch, kind, await ClientsByPartnerAsync(batch.Id, onlyPartner: null, cancellationToken), cancellationToken);

    /// <summary>Each partner's clients in the batch with the end users it moves, by partner.</summary>
    private async Task<Dictionary<Guid, IReadOnlyList<NoticeClient>>> ClientsByPartnerAsync(Guid batchId, Guid? onlyPartner, CancellationToken cancellationToken)
    {
        var clients = await (from member in db.Set<MigrationBatchClient>()
                             where member.BatchId == batchId
                             join client in db.Clients on member.ClientId equals client.Id
                             where onlyPartner == null || client.PartnerId == onlyPartner
                             orderby client.Name
                             select new { client.PartnerId, client.Name, EndUsers = client.EndUsers.Count(u => !u.Deleted && !u.MigratedToSso) })
            .ToListAsync(cancellationToken);
        return clients.GroupBy(c => c.PartnerId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<NoticeClient>)[.. g.Select(c => new NoticeClient(c.Name, c.EndUsers))]);
    }

    /// <summary>
    /// The notice row of each partner and an e-mail to each of its admins, saved together. An
    /// action repeated for the same date (rescheduled back to a date already announced) renews
    /// its row rather than failing on the unique index, so the partner still hears of it.
    /// </summary>
    private async Task WriteAsync(
        MigrationBatch batch, MigrationNoticeKind kind, IReadOnlyDictionary<Guid, IReadOnlyList<NoticeClient>> partners, CancellationToken cancellationToken)
    {
        if (partners.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var partnerIds = partners.Keys.ToList();
        var admins = await PartnerAdmins.Of(db, accounts, partnerIds).ToListAsync(cancellationToken);
        var earlier = kind == MigrationNoticeKind.Upcoming
            ? []
            : await db.MigrationNotices.Where(n => n.BatchId == batch.Id && n.Kind == kind && n.ScheduledFor == batch.ScheduledAt && partnerIds.Contains(n.PartnerId))
                .ToDictionaryAsync(n => n.PartnerId, cancellationToken);

        foreach (var (partnerId, clients) in partners)
        {
            if (earlier.TryGetValue(partnerId, out var renewed))
            {
                renewed.SentAt = now;
            }
            else
            {
                db.MigrationNotices.Add(new MigrationNotice { BatchId = batch.Id, PartnerId = partnerId, Kind = kind, ScheduledFor = batch.ScheduledAt, SentAt = now });
            }

            var subject = new NoticeSubject(batch.ScheduledAt, batch.TimeZone, clients);
            foreach (var admin in admins.Where(a => a.PartnerId == partnerId))
            {
                outbox.Enqueue(NoticeEmails.Kind, admin.Email, emails.Compose(kind, subject, admin.Name));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
