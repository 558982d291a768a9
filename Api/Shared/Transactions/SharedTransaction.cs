using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Api.Shared.Transactions;

/// <summary>
/// A transaction that a service opens only when its caller has none, so one admin action (the
/// end user's row, the SSO account, the audit entry) commits or rolls back as a whole while the
/// same service still works on its own. Committing or disposing a joined transaction does nothing:
/// its owner decides.
/// </summary>
public sealed class SharedTransaction : IAsyncDisposable
{
    // SQLite has one writer at a time, and its driver waits for a busy database by putting the
    // thread to sleep (150 ms a try): fifty parallel requests starve the thread pool while the
    // writer awaits Redis. Owners on one database file queue here instead, without blocking a
    // thread. SQL Server locks rows and waits by itself: no gate.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> SqliteWriters = new();

    private readonly IDbContextTransaction? owned;
    private SemaphoreSlim? gate;

    private SharedTransaction(IDbContextTransaction? owned, SemaphoreSlim? gate)
    {
        this.owned = owned;
        this.gate = gate;
    }

    public static async Task<SharedTransaction> BeginAsync(DbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return new SharedTransaction(null, null);
        }

        var gate = db.Database.IsSqlite() ? SqliteWriters.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1)) : null;
        if (gate is not null)
        {
            await gate.WaitAsync(cancellationToken);
        }

        try
        {
            return new SharedTransaction(await db.Database.BeginTransactionAsync(cancellationToken), gate);
        }
        catch
        {
            gate?.Release();
            throw;
        }
    }

    public Task CommitAsync(CancellationToken cancellationToken = default) => owned?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (owned is not null)
        {
            await owned.DisposeAsync();
        }

        Interlocked.Exchange(ref gate, null)?.Release();
    }
}
