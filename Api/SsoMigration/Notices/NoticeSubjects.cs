using Api.Data;
using Api.SsoMigration.Batches;
using Api.SsoMigration.Readiness;
using Microsoft.EntityFrameworkCore;

namespace Api.SsoMigration.Notices;

/// <summary>
/// What a notice tells each partner about a batch: per client, how many end users will move, and by
/// name the ones who will not, with why. Both come from the readiness check (the operator's dry run),
/// so a notice never counts a user the check already knows the run will leave behind.
/// </summary>
public sealed class NoticeSubjects(AppDbContext db, ReadinessCheck readiness)
{
    /// <summary>Each partner's subject, by partner (only <paramref name="onlyPartner"/>'s when given); empty when the batch has no client.</summary>
    public async Task<Dictionary<Guid, NoticeSubject>> ForAsync(
        MigrationBatch batch, Guid? onlyPartner, DateTime? previousScheduledAt, CancellationToken cancellationToken)
    {
        var clients = await (from member in db.Set<MigrationBatchClient>()
                             where member.BatchId == batch.Id
                             join client in db.Clients on member.ClientId equals client.Id
                             where onlyPartner == null || client.PartnerId == onlyPartner
                             orderby client.Name, client.Id
                             select new { client.Id, client.PartnerId, client.Name, ToMove = client.EndUsers.Count(u => !u.Deleted && !u.MigratedToSso) })
            .ToListAsync(cancellationToken);
        if (clients.Count == 0)
        {
            return [];
        }

        var behind = (await readiness.RunAsync(batch.Id, onlyPartner, cancellationToken)).Users
            .Where(u => u.StaysBehind)
            .ToLookup(u => u.ClientId);
        return clients.GroupBy(c => c.PartnerId).ToDictionary(g => g.Key, g => new NoticeSubject(
            batch.ScheduledAt,
            batch.TimeZone,
            [.. g.Select(c => new NoticeClient(c.Name, c.ToMove - behind[c.Id].Count()))],
            [.. g.SelectMany(c => behind[c.Id]).Select(u => new NoticeUser(u.Name, u.Email, u.ClientName, WhyBehind(u)))])
        {
            PreviousScheduledAt = previousScheduledAt,
        });
    }

    /// <summary>Why the run leaves a user behind, in the partner's words, and what makes them move.</summary>
    public static string WhyBehind(ReadinessUser user) => user switch
    {
        { Excluded: true } => "left out of this move by the platform team; they move with a later batch",
        { Outcome: ReadinessNames.AwaitingOwner } =>
            "a Single Sign-On account with this address belongs to someone else; its owner is asked by e-mail to accept, and the user moves when they do",
        _ when user.Problems.Contains(ReadinessNames.NoUsableEmail) => "no usable e-mail address; fix it in Manage Users and they join the next run",
        _ when user.Problems.Contains(ReadinessNames.DuplicateEmail) => "another end user has the same e-mail address; fix one of them and they join the next run",
        _ => "not moved by this run",
    };
}
