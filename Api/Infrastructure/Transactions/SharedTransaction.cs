using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Api.Infrastructure.Transactions;

/// <summary>
/// A transaction that a service opens only when its caller has none, so one admin action (the
/// end user's row, the SSO account, the audit entry) commits or rolls back as a whole while the
/// same service still works on its own. Committing or disposing a joined transaction does nothing:
/// its owner decides.
/// </summary>
public sealed class SharedTransaction : IAsyncDisposable
{
    private readonly IDbContextTransaction? owned;

    private SharedTransaction(IDbContextTransaction? owned) => this.owned = owned;

    public static async Task<SharedTransaction> BeginAsync(DbContext db, CancellationToken cancellationToken = default) =>
        new(db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null);

    public Task CommitAsync(CancellationToken cancellationToken = default) => owned?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
