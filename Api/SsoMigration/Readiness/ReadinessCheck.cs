using Api.Data;
using Api.Shared;
using Api.Portal;
using Api.Sso.Accounts;
using Api.SsoMigration.Batches;
using Api.SsoMigration.Planning;
using Microsoft.EntityFrameworkCore;

namespace Api.SsoMigration.Readiness;

/// <summary>
/// The dry run of a batch: reads its users, their SSO accounts and lockouts, and says what the
/// run would do with each — following <see cref="EndUserMigrator"/>'s rules — while writing
/// nothing (no row, no e-mail, no cache key), so an operator can run it as often as they like.
/// </summary>
public sealed class ReadinessCheck(AppDbContext db, AccountAdministration accounts)
{
    public Task<ReadinessReport> RunAsync(Guid batchId, CancellationToken cancellationToken) => RunAsync(batchId, partnerId: null, cancellationToken);

    /// <summary>The report on one partner's users of the batch only (what that partner's notice says), or on everyone.</summary>
    public async Task<ReadinessReport> RunAsync(Guid batchId, Guid? partnerId, CancellationToken cancellationToken)
    {
        // Everyone of the batch's clients, plus any deleted user the operator excluded earlier
        // (so the exclusion does not vanish from the report unexplained).
        var users = await BatchPopulation.Everyone(db, batchId).AsNoTracking()
            .Where(u => partnerId == null || u.PartnerId == partnerId)
            .Where(u => !u.Deleted || db.MigrationResults.Any(r => r.BatchId == batchId && r.EndUserId == u.Id))
            .OrderBy(u => u.Client!.Name).ThenBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Select(u => new Candidate(
                u.Id,
                u.DisplayName,
                u.Email,
                u.ClientId,
                u.Client!.Name,
                u.Client.Partner!.Name,
                u.PartnerId,
                u.Enabled,
                u.Deleted,
                u.MigratedToSso,
                db.MigrationResults.Any(r => r.BatchId == batchId && r.EndUserId == u.Id && r.Status == MigrationOutcomeStatus.Excluded)))
            .ToListAsync(cancellationToken);

        var usable = users.Where(u => !u.Deleted && !u.MigratedToSso)
            .Select(u => (User: u, Email: EndUserMigrator.UsableEmail(u.Email)))
            .Where(u => u.Email is not null)
            .ToList();
        var emails = usable.Select(u => u.Email!).Distinct().ToList();
        var duplicates = usable.GroupBy(u => u.Email).Where(g => g.Count() > 1).Select(g => g.Key!).ToHashSet();
        var existing = await accounts.Standings
            .Where(a => emails.Contains(a.Email.ToLower()))
            .Select(a => new { a.AccountId, a.Email, a.ManagedBy })
            .ToListAsync(cancellationToken);
        var accountOf = existing.GroupBy(a => a.Email.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First().AccountId);
        var roles = await accounts.RolesOfAsync([.. accountOf.Values], cancellationToken);
        var ids = accountOf.Values.ToList();
        var staff = (await db.PartnerStaff.AsNoTracking().Where(s => ids.Contains(s.SsoAccountId)).Select(s => s.SsoAccountId).ToListAsync(cancellationToken)).ToHashSet();
        // Who may link without asking: the partner that manages the account (PartnerSteward's rule, for every user at once).
        var managedBy = existing
            .Where(a => !staff.Contains(a.AccountId) && !(roles.GetValueOrDefault(a.AccountId) ?? []).Contains(ProductRoles.PlatformOperator))
            .ToDictionary(a => a.AccountId, a => a.ManagedBy);
        var locked = await accounts.FindLockedOutAsync(emails);

        var assessed = users.Select(u => Assess(u, duplicates, accountOf, managedBy, roles, locked)).ToList();
        return new ReadinessReport(
            Total: assessed.Count,
            ToMigrate: assessed.Count(u => u.Outcome == ReadinessNames.Migrate),
            ToLink: assessed.Count(u => u.Outcome == ReadinessNames.Link),
            AwaitingOwner: assessed.Count(u => u.Outcome == ReadinessNames.AwaitingOwner),
            Excluded: assessed.Count(u => u.Excluded),
            Problems: assessed.Count(u => u.Problems.Count > 0),
            Users: [.. assessed.Where(u => u.Problems.Count > 0 || u.Excluded || u.Outcome is ReadinessNames.Link or ReadinessNames.AwaitingOwner)]);
    }

    private static ReadinessUser Assess(
        Candidate user,
        HashSet<string> duplicates,
        Dictionary<string, string> accountOf,
        Dictionary<string, string?> managedBy,
        IReadOnlyDictionary<string, IReadOnlyList<string>> roles,
        IReadOnlySet<string> locked)
    {
        var email = EndUserMigrator.UsableEmail(user.Email);
        var problems = new List<string>();
        // Skipped by the run: nothing to move, or nothing to move it with.
        if (user.Deleted)
        {
            problems.Add(ReadinessNames.Deleted);
        }

        if (user.MigratedToSso)
        {
            problems.Add(ReadinessNames.AlreadyMigrated);
        }

        if (!user.Deleted && !user.MigratedToSso && email is null)
        {
            problems.Add(ReadinessNames.NoUsableEmail);
        }

        var duplicate = email is not null && !user.Deleted && !user.MigratedToSso && duplicates.Contains(email);
        if (duplicate)
        {
            problems.Add(ReadinessNames.DuplicateEmail);
        }

        // The run skips only the copies stored in a non-canonical spelling; the canonical one moves.
        var skipped = problems.Count > 0 && !(duplicate && problems.Count == 1 && email == user.Email);

        // Moved all the same, but worth knowing: a disabled user stays disabled; a locked one waits out the pause.
        if (!user.Enabled)
        {
            problems.Add(ReadinessNames.Disabled);
        }

        if (email is not null && locked.Contains(email))
        {
            problems.Add(ReadinessNames.Locked);
        }

        var accountId = email is null ? null : accountOf.GetValueOrDefault(email);
        var outcome = user.Excluded ? ReadinessNames.Excluded
            : skipped ? ReadinessNames.Skip
            : accountId is null ? ReadinessNames.Migrate
            : managedBy.TryGetValue(accountId, out var manager) && manager == PartnerSteward.Of(user.PartnerId) ? ReadinessNames.Link
            : ReadinessNames.AwaitingOwner;
        var kept = outcome == ReadinessNames.Link ? roles.GetValueOrDefault(accountId!) ?? [] : [];
        return new ReadinessUser(user.Id, user.Name, user.Email, user.ClientId, user.ClientName, user.PartnerName, outcome, problems, kept, user.Excluded);
    }

    private sealed record Candidate(
        Guid Id, string Name, string Email, Guid ClientId, string ClientName, string PartnerName, Guid PartnerId, bool Enabled, bool Deleted, bool MigratedToSso, bool Excluded);
}
