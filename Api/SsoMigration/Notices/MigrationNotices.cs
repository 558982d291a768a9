using Api.Data;
using Api.Portal;
using Api.Shared.Transactions;
using Api.Mail;
using Api.SsoMigration.Batches;
using Api.SsoMigration.Execution;
using Api.Sso.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Api.SsoMigration.Notices;

/// <summary>
/// The e-mails partner admins get about a batch of their clients, each exactly once. A notice is
/// a <see cref="MigrationNotice"/> row plus its outbox e-mails, saved together; the row's unique
/// index (batch, partner, kind, date) is what makes it once: a second writer — another replica,
/// another pass — fails on it and its e-mails roll back with it. No lease is needed.
/// Upcoming notices are sent by <see cref="UpcomingNoticeSender"/> (and at once when an action makes
/// one due); the others in the transaction of the action that causes them. A partner's first notice
/// is always the announcement: a change, a cancellation is sent only to partners told a date.
/// </summary>
public sealed class MigrationNotices(
    AppDbContext db,
    AccountAdministration accounts,
    Outbox outbox,
    NoticeEmails emails,
    NoticeSubjects subjects,
    TimeProvider clock,
    IOptions<MigrationOptions> options)
    : IBatchOutcomeNotices
{
    /// <summary>The notices that tell a partner a date: after one of them, a change is announced as a change.</summary>
    private static readonly MigrationNoticeKind[] Announcements =
        [MigrationNoticeKind.Upcoming, MigrationNoticeKind.Rescheduled, MigrationNoticeKind.BroughtForward];

    /// <summary>
    /// The Upcoming notice of a batch just created, to each of its partners, when the batch is
    /// already within the notice lead (waiting for the next pass would delay it for no reason).
    /// In the caller's transaction.
    /// </summary>
    public async Task QueueUpcomingIfDueAsync(MigrationBatch batch, CancellationToken cancellationToken)
    {
        if (IsDue(batch))
        {
            await WriteAsync(batch, MigrationNoticeKind.Upcoming, await subjects.ForAsync(batch, null, null, cancellationToken), cancellationToken);
        }
    }

    /// <summary>
    /// A batch's new date (reschedule, run now), to each partner in the caller's transaction. A
    /// partner told a date hears of the change: Rescheduled, or BroughtForward when it is earlier and
    /// inside the notice lead. A partner told nothing yet gets the announcement itself, at once when
    /// the new date is within the lead (otherwise the sender announces it in time).
    /// </summary>
    public async Task QueueNewDateAsync(MigrationBatch batch, DateTime previousScheduledAt, CancellationToken cancellationToken)
    {
        var told = await ToldAsync(batch.Id, cancellationToken);
        var partners = await subjects.ForAsync(batch, null, previousScheduledAt, cancellationToken);
        var change = batch.ScheduledAt < previousScheduledAt && IsDue(batch) ? MigrationNoticeKind.BroughtForward : MigrationNoticeKind.Rescheduled;
        await WriteAsync(batch, change, partners.Where(p => told.Contains(p.Key)), cancellationToken);
        if (IsDue(batch))
        {
            await WriteAsync(batch, MigrationNoticeKind.Upcoming, partners.Where(p => !told.Contains(p.Key)), cancellationToken);
        }
    }

    /// <summary>Whether any partner of the batch was told a date: moving it earlier then breaks a promise.</summary>
    public async Task<bool> AnyToldAsync(Guid batchId, CancellationToken cancellationToken) =>
        (await ToldAsync(batchId, cancellationToken)).Count > 0;

    /// <summary>The batch will not run, to each partner told its date, in the caller's transaction (the others never heard of it).</summary>
    public async Task QueueCancelledAsync(MigrationBatch batch, CancellationToken cancellationToken)
    {
        var told = await ToldAsync(batch.Id, cancellationToken);
        var partners = await subjects.ForAsync(batch, null, null, cancellationToken);
        await WriteAsync(batch, MigrationNoticeKind.Cancelled, partners.Where(p => told.Contains(p.Key)), cancellationToken);
    }

    /// <summary>
    /// For the batch runner, when a run ends with failed users: each partner with failed users is
    /// told how many, per client, once per run (a retried user failing again does not mail again),
    /// in the caller's transaction (saved here; committed by the caller).
    /// </summary>
    public async Task QueueFailedAsync(MigrationBatch batch, CancellationToken cancellationToken)
    {
        var failed = await (from result in db.MigrationResults
                            where result.BatchId == batch.Id && result.Status == MigrationOutcomeStatus.Failed
                            join user in db.EndUsers on result.EndUserId equals user.Id
                            group user by new { user.Client!.PartnerId, user.Client.Name } into perClient
                            select new { perClient.Key.PartnerId, perClient.Key.Name, Count = perClient.Count() })
            .ToListAsync(cancellationToken);
        var partners = failed.GroupBy(f => f.PartnerId).ToDictionary(g => g.Key, g => new NoticeSubject(
            batch.ScheduledAt, batch.TimeZone, [.. g.OrderBy(c => c.Name).Select(c => new NoticeClient(c.Name, c.Count))], []));
        await WriteAsync(batch, MigrationNoticeKind.Failed, partners, cancellationToken);
    }

    /// <summary>For the operator's pause: each partner of the batch is told, once, with the users not moved yet; in the caller's transaction.</summary>
    public async Task QueuePausedAsync(MigrationBatch batch, CancellationToken cancellationToken) =>
        await WriteAsync(batch, MigrationNoticeKind.Paused, await subjects.ForAsync(batch, null, null, cancellationToken), cancellationToken);

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
                             && n.ScheduledFor == batch.ScheduledAt && Announcements.Contains(n.Kind))
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

            await WriteAsync(batch, MigrationNoticeKind.Upcoming, await subjects.ForAsync(batch, partnerId, null, cancellationToken), cancellationToken);
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
            && Announcements.Contains(n.Kind), cancellationToken);

    /// <summary>The partners of the batch told a date (of any of its announcements).</summary>
    private async Task<HashSet<Guid>> ToldAsync(Guid batchId, CancellationToken cancellationToken) =>
        [.. await db.MigrationNotices.Where(n => n.BatchId == batchId && Announcements.Contains(n.Kind))
            .Select(n => n.PartnerId).Distinct().ToListAsync(cancellationToken)];

    /// <summary>
    /// The notice row of each partner and an e-mail to each of its admins, saved together. A change
    /// repeated for the same date (rescheduled back to a date already announced) renews its row
    /// rather than failing on the unique index, so the partner still hears of it; a failure or a
    /// pause already told for this date is not told again.
    /// </summary>
    private async Task WriteAsync(
        MigrationBatch batch, MigrationNoticeKind kind, IEnumerable<KeyValuePair<Guid, NoticeSubject>> notices, CancellationToken cancellationToken)
    {
        var partners = notices.ToDictionary();
        if (partners.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var partnerIds = partners.Keys.ToList();
        var earlier = kind == MigrationNoticeKind.Upcoming
            ? []
            : await db.MigrationNotices.Where(n => n.BatchId == batch.Id && n.Kind == kind && n.ScheduledFor == batch.ScheduledAt && partnerIds.Contains(n.PartnerId))
                .ToDictionaryAsync(n => n.PartnerId, cancellationToken);
        var once = kind is MigrationNoticeKind.Failed or MigrationNoticeKind.Paused;
        var admins = await PartnerAdmins.Of(db, accounts, partnerIds).ToListAsync(cancellationToken);
        foreach (var (partnerId, subject) in partners)
        {
            if (earlier.TryGetValue(partnerId, out var renewed))
            {
                if (once)
                {
                    continue;
                }

                renewed.SentAt = now;
            }
            else
            {
                db.MigrationNotices.Add(new MigrationNotice { BatchId = batch.Id, PartnerId = partnerId, Kind = kind, ScheduledFor = batch.ScheduledAt, SentAt = now });
            }

            foreach (var admin in admins.Where(a => a.PartnerId == partnerId))
            {
                outbox.Enqueue(NoticeEmails.Kind, admin.Email, emails.Compose(kind, subject, admin.Name));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
