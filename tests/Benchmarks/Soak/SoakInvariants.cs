using Api.Data;
using Api.Mail;
using Api.Sso.Accounts;
using Api.SsoMigration.Batches;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Benchmarks.Soak;

/// <summary>The batch as the database has it once it completed: one result per user, each user moved once.</summary>
public sealed record BatchCheck(bool Completed, int Users, int Results, int DistinctUsers, int Migrated, int Failed, int MovedUsers, int DuplicateAccounts)
{
    public bool ExactlyOnce => Completed && Results == Users && DistinctUsers == Users && Migrated == Users && MovedUsers == Users && DuplicateAccounts == 0;
}

/// <summary>The outbox against the mail server: each sent message received once by its Message-ID, none given up.</summary>
/// <param name="ResentAfterKill">
/// Duplicates whose first copy arrived just before a replica was SIGKILLed: the replica was killed
/// after the mail server accepted the mail and before it could record so; another replica sent it
/// again after the lease, with the same Message-ID (SMTP gives no better: the receiver drops it by
/// that id). At most one per kill (a dispatcher sends one mail at a time).
/// </param>
public sealed record OutboxCheck(int Queued, int Sent, int Pending, int GivenUp, int Received, int Lost, int Duplicates, int ResentAfterKill, int Unknown)
{
    /// <summary>The messages behind a non-zero count, with what the outbox row says (for the report).</summary>
    public List<string> Details { get; init; } = [];

    public bool ExactlyOnce => Pending == 0 && GivenUp == 0 && Lost == 0 && Duplicates == ResentAfterKill && Unknown == 0;
}

/// <summary>Reads the invariants from SQL (the replicas' shared database) and from smtp4dev, after the traffic and the faults.</summary>
public static class SoakInvariants
{
    public static async Task<BatchCheck> BatchAsync(SoakStack stack, TimeSpan wait, CancellationToken cancellationToken)
    {
        var batchId = stack.Seed.MigrationBatchId;
        var deadline = DateTime.UtcNow + wait;
        bool completed;
        do
        {
            await using var scope = stack.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            completed = await db.MigrationBatches.AnyAsync(b => b.Id == batchId && b.Status == MigrationBatchStatus.Completed, cancellationToken);
            if (!completed)
            {
                await Task.Delay(1000, cancellationToken);
            }
        }
        while (!completed && DateTime.UtcNow < deadline);

        await using var read = stack.Services.CreateAsyncScope();
        var sql = read.ServiceProvider.GetRequiredService<AppDbContext>();
        var results = sql.Set<MigrationResult>().Where(r => r.BatchId == batchId);
        var userIds = results.Select(r => r.EndUserId);
        var batchUsers = sql.EndUsers.Where(u => userIds.Contains(u.Id));
        var emails = batchUsers.Select(u => u.Email.ToUpper());
        return new BatchCheck(
            completed,
            stack.Seed.MigrationUsers,
            await results.CountAsync(cancellationToken),
            await userIds.Distinct().CountAsync(cancellationToken),
            await results.CountAsync(r => r.Status == MigrationOutcomeStatus.Migrated, cancellationToken),
            await results.CountAsync(r => r.Status == MigrationOutcomeStatus.Failed, cancellationToken),
            await batchUsers.CountAsync(u => u.MigratedToSso && u.SsoAccountId != null, cancellationToken),
            await sql.Set<SsoAccount>().Where(a => emails.Contains(a.NormalizedEmail!))
                .GroupBy(a => a.NormalizedEmail).CountAsync(g => g.Count() > 1, cancellationToken));
    }

    /// <summary>How long before a kill a mail's first copy may have arrived for its resend to be the kill's doing.</summary>
    private static readonly TimeSpan SendToRecord = TimeSpan.FromSeconds(10);

    /// <summary>How long a kill may take once started (the process tree is looked up, then killed): the replica may still send meanwhile.</summary>
    private static readonly TimeSpan KillTakes = TimeSpan.FromSeconds(2);

    public static async Task<OutboxCheck> OutboxAsync(SoakStack stack, IReadOnlyList<DateTimeOffset> kills, TimeSpan wait, CancellationToken cancellationToken)
    {
        var options = stack.Services.GetRequiredService<IOptions<MailOptions>>().Value;
        var deadline = DateTime.UtcNow + wait;
        List<(Guid Id, DateTime? SentAt, int Attempts, DateTime CreatedAt, string? Error)> rows;
        while (true)
        {
            await using var scope = stack.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            rows = [.. (await db.Set<OutboxMessage>().Select(m => new { m.Id, m.SentAt, m.Attempts, m.CreatedAt, m.LastError }).ToListAsync(cancellationToken))
                .Select(m => (m.Id, m.SentAt, m.Attempts, m.CreatedAt, m.LastError))];
            if (!rows.Any(r => r.SentAt is null && r.Attempts < options.MaxAttempts) || DateTime.UtcNow >= deadline)
            {
                break;
            }

            await Task.Delay(1000, cancellationToken);
        }

        var sent = rows.Where(r => r.SentAt is not null).Select(r => OutboxMessage.MessageIdOf(r.Id, options.Domain)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var arrivals = await stack.Mail.MessageIdsAsync(cancellationToken);
        var received = arrivals.Select(a => a.MessageId).ToList();
        var distinct = received.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var duplicated = arrivals.GroupBy(a => a.MessageId, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => (Id: g.Key, Extra: g.Count() - 1, First: g.Min(a => a.ReceivedAt))).ToList();
        var resentAfterKill = duplicated.Where(d => d.Extra == 1 && kills.Any(k => d.First >= k - SendToRecord && d.First <= k + KillTakes)).ToList();
        var byId = rows.ToDictionary(r => OutboxMessage.MessageIdOf(r.Id, options.Domain), StringComparer.OrdinalIgnoreCase);
        string Row(string id) => byId.TryGetValue(id, out var r) ? $"{id} (created {r.CreatedAt:HH:mm:ss.fff}, sent {r.SentAt:HH:mm:ss.fff}, {r.Attempts} failed attempts{(r.Error is null ? "" : ": " + r.Error)})" : $"{id} (no such row)";
        var details = sent.Where(id => !distinct.Contains(id)).Select(id => "lost: " + Row(id))
            .Concat(duplicated.Select(d => $"received {d.Extra + 1}× (first at {d.First:HH:mm:ss.fff}{(resentAfterKill.Contains(d) ? ", just before a replica was killed" : "")}): " + Row(d.Id)))
            .Concat(distinct.Where(id => !sent.Contains(id)).Select(id => "unknown: " + Row(id)))
            .Take(10).ToList();
        return new OutboxCheck(
            rows.Count,
            sent.Count,
            rows.Count(r => r.SentAt is null && r.Attempts < options.MaxAttempts),
            rows.Count(r => r.SentAt is null && r.Attempts >= options.MaxAttempts),
            received.Count,
            sent.Count(id => !distinct.Contains(id)),
            received.Count - distinct.Count,
            Math.Min(resentAfterKill.Count, kills.Count),
            distinct.Count(id => !sent.Contains(id))) { Details = details };
    }
}
