using Microsoft.EntityFrameworkCore;

namespace Api.Portal;

/// <summary>
/// Keeps <see cref="EndUser.PartnerId"/> equal to its client's partner on every write that goes
/// through EF: before a save, each end user added or moved to another client takes its client's
/// partner (from the tracked client when there is one, else one query for all of them). Bulk SQL
/// that inserts end users must set the column itself; none in the Api moves users between clients.
/// </summary>
public static class EndUserPartnerStamp
{
    public static async Task ApplyAsync(DbContext db, CancellationToken cancellationToken)
    {
        var pending = Pending(db);
        if (pending.Count == 0)
        {
            return;
        }

        Stamp(pending, await PartnersOf(db, pending).ToDictionaryAsync(c => c.Id, c => c.PartnerId, cancellationToken));
    }

    public static void Apply(DbContext db)
    {
        var pending = Pending(db);
        if (pending.Count > 0)
        {
            Stamp(pending, PartnersOf(db, pending).ToDictionary(c => c.Id, c => c.PartnerId));
        }
    }

    // End users whose client is new or changed, and whose client is not tracked with its partner.
    private static List<EndUser> Pending(DbContext db)
    {
        var pending = new List<EndUser>();
        foreach (var entry in db.ChangeTracker.Entries<EndUser>().ToList())
        {
            if (entry.State != EntityState.Added && !(entry.State == EntityState.Modified && entry.Property(u => u.ClientId).IsModified))
            {
                continue;
            }

            var user = entry.Entity;
            var client = user.Client?.Id == user.ClientId ? user.Client : db.ChangeTracker.Entries<Client>().FirstOrDefault(c => c.Entity.Id == user.ClientId)?.Entity;
            var partnerId = client?.PartnerId is { } id && id != Guid.Empty ? id : client?.Partner?.Id;
            if (partnerId is { } known)
            {
                user.PartnerId = known;
            }
            else
            {
                pending.Add(user);
            }
        }

        return pending;
    }

    private static IQueryable<Client> PartnersOf(DbContext db, List<EndUser> pending)
    {
        var clientIds = pending.Select(u => u.ClientId).Distinct().ToList();
        return db.Set<Client>().AsNoTracking().Where(c => clientIds.Contains(c.Id));
    }

    private static void Stamp(List<EndUser> pending, Dictionary<Guid, Guid> partners)
    {
        foreach (var user in pending)
        {
            // An unknown client stays Guid.Empty; the foreign key on ClientId refuses the save anyway.
            user.PartnerId = partners.GetValueOrDefault(user.ClientId);
        }
    }
}
