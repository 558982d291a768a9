using Api.Admin.Staff;
using Api.Data;
using Api.SsoMigration;
using Api.SsoMigration.Batches;

namespace Api.Admin.ManageUsers;

/// <summary>
/// Needs attention: the caller's users not on SSO yet whom the partner can fix, and no others —
/// no usable address, an address another row already holds, an account owner who declined, a
/// failed move whose cause is theirs (<see cref="EndUserMigrationStates"/> shows the same users so).
/// One query of ids, composed into the list's statement: each part starts from an index that holds
/// only such users (the partner's rows with an address problem or a declined request, the failed
/// results of the batches that ran), so a partner of 500,000 users costs what its few problems cost.
/// </summary>
public static class EndUserAttention
{
    private static readonly MigrationBatchStatus[] Open = [MigrationBatchStatus.Scheduled, MigrationBatchStatus.Running, MigrationBatchStatus.Paused];

    public static IQueryable<Guid> Ids(StaffMember staff, AppDbContext db)
    {
        var waiting = staff.Scope(db.EndUsers).Where(u => !u.MigratedToSso);
        var address = waiting
            .Where(u => u.SsoEmailMismatch != null)
            .Where(u => u.SsoEmailMismatch == "" || db.EndUsers.Any(o => o.Email == u.SsoEmailMismatch && o.Id != u.Id && !o.Deleted))
            .Select(u => u.Id);
        var declined = waiting.Where(u => u.AccessDeclinedAt != null).Select(u => u.Id);
        var fixableFailure = EndUserMigrator.AccountOfAnotherUser;
        // A failure counts in the batch the user is due in, or, when none is due, in the runs before.
        var failed = from batch in db.MigrationBatches
                     where batch.Status == MigrationBatchStatus.Completed || Open.Contains(batch.Status)
                     from result in db.MigrationResults
                     where result.BatchId == batch.Id && result.Status == MigrationOutcomeStatus.Failed && result.Reason == fixableFailure
                     join user in waiting on result.EndUserId equals user.Id
                     where Open.Contains(batch.Status)
                         || !db.Set<MigrationBatchClient>().Any(m => m.ClientId == user.ClientId
                             && db.MigrationBatches.Any(b => b.Id == m.BatchId && Open.Contains(b.Status)))
                     select user.Id;
        return address.Concat(declined).Concat(failed);
    }
}
