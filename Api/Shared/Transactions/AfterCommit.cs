using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Api.Shared.Transactions;

/// <summary>
/// Work that must wait until a change is committed: ending sessions in Redis after an account is
/// disabled, say. Run earlier, a sign-in finishing in between would still read the old row and
/// keep a session; run after a rollback, it would end sessions for nothing. Without a transaction
/// the work runs at once (the change before it is already committed).
/// </summary>
public static class AfterCommit
{
    private static readonly ConditionalWeakTable<DbContext, List<Func<Task>>> Pending = [];

    public static Task RunAsync(DbContext db, Func<Task> work)
    {
        if (db.Database.CurrentTransaction is null)
        {
            return work();
        }

        Pending.GetOrCreateValue(db).Add(work);
        return Task.CompletedTask;
    }

    /// <summary>Runs the queued work when a context's transaction commits and drops it when it rolls back.</summary>
    public sealed class Interceptor : DbTransactionInterceptor
    {
        public override async Task TransactionCommittedAsync(
            DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (eventData.Context is { } db && Pending.TryGetValue(db, out var work))
            {
                Pending.Remove(db);
                foreach (var item in work)
                {
                    await item();
                }
            }
        }

        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
        {
            // Every commit in the Api is asynchronous; a synchronous one would skip the work silently.
            if (eventData.Context is { } db && Pending.TryGetValue(db, out _))
            {
                throw new InvalidOperationException("Work waiting for a commit needs CommitAsync.");
            }
        }

        public override Task TransactionRolledBackAsync(
            DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Discard(eventData.Context);
            return Task.CompletedTask;
        }

        public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Discard(eventData.Context);

        // A transaction disposed without a commit (an early return, an exception) leaves its work
        // behind; a new transaction on the same context must not inherit it.
        public override ValueTask<DbTransaction> TransactionStartedAsync(
            DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
        {
            Discard(eventData.Context);
            return ValueTask.FromResult(result);
        }

        private static void Discard(DbContext? db)
        {
            if (db is not null)
            {
                Pending.Remove(db);
            }
        }
    }
}
