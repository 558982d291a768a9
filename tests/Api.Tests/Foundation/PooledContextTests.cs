using Api.Data;
using Api.Shared.Transactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Foundation;

/// <summary>
/// AppDbContext is pooled (issue 11): the next request may get the very context an earlier one
/// used. Work an abandoned transaction queued (an early return, an exception) must never run on
/// a later request's commit.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PooledContextTests(ApiFactory api)
{
    [Fact]
    public async Task Work_left_by_an_uncommitted_transaction_never_runs_on_the_next_lease_of_the_context()
    {
        var abandonedWorkRan = false;
        AppDbContext first;
        await using (var scope = api.Services.CreateAsyncScope())
        {
            first = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await first.Database.BeginTransactionAsync();
            await AfterCommit.RunAsync(first, () =>
            {
                abandonedWorkRan = true;
                return Task.CompletedTask;
            });
            // Disposed without a commit: the request ended early.
        }

        // Background services lease contexts too: hold leases until the abandoned one comes back.
        var scopes = new List<AsyncServiceScope>();
        var committedWorkRan = false;
        try
        {
            AppDbContext? next = null;
            for (var i = 0; i < 50 && next is null; i++)
            {
                var scope = api.Services.CreateAsyncScope();
                scopes.Add(scope);
                var leased = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                next = ReferenceEquals(leased, first) ? leased : null;
            }

            Assert.NotNull(next);
            await using var transaction = await next.Database.BeginTransactionAsync();
            await AfterCommit.RunAsync(next, () =>
            {
                committedWorkRan = true;
                return Task.CompletedTask;
            });
            await transaction.CommitAsync();
        }
        finally
        {
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
        }

        Assert.True(committedWorkRan);
        Assert.False(abandonedWorkRan);
    }
}
