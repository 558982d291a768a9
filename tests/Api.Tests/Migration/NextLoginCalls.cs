using Api.Data;
using Api.Portal.LegacyLogin;
using Api.Sso.Accounts;
using Api.SsoMigration.Batches;
using Api.SsoMigration.NextLogin;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Migration;

/// <summary>Mixed mode in the tests: a batch's window opened as planning would, and what a test reads back.</summary>
internal static class NextLoginCalls
{
    /// <summary>The legacy form's answer after a move: the SSO screen, at its activation step.</summary>
    public const string ActivationStep = "/sso/login?returnUrl=%2Fportal&resume=1";

    /// <summary>Sets when the batch's window opens (null: none), as Create or Edit batch would.</summary>
    public static async Task SetWindowAsync(IServiceProvider services, Guid batchId, DateTime? opensAt)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().MigrationBatches.Where(b => b.Id == batchId)
            .ExecuteUpdateAsync(set => set.SetProperty(b => b.WindowOpensAt, opensAt));
    }

    /// <summary>An open window: opened a minute ago by the real clock (the Api's), the batch still a day ahead.</summary>
    public static Task OpenWindowAsync(IServiceProvider services, Guid batchId) => SetWindowAsync(services, batchId, DateTime.UtcNow.AddMinutes(-1));

    public static async Task SetStatusAsync(IServiceProvider services, Guid batchId, MigrationBatchStatus status)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().MigrationBatches.Where(b => b.Id == batchId)
            .ExecuteUpdateAsync(set => set.SetProperty(b => b.Status, status));
    }

    public static async Task<SsoAccount?> AccountAsync(IServiceProvider services, string email)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<SsoAccount>>().FindByEmailAsync(email);
    }

    /// <summary>The move as the legacy form asks for it, on its own scope, with a seam just before its transaction.</summary>
    public static async Task<NextLoginOutcome> MoveAsync(IServiceProvider services, TestUser user, Action? beforeTransaction = null)
    {
        await using var scope = services.CreateAsyncScope();
        var move = (NextLoginMigration)scope.ServiceProvider.GetRequiredService<INextLoginMigration>();
        move.BeforeTransaction = beforeTransaction;
        return await move.MoveIfWindowOpenAsync(user.EndUserId, user.Password, CancellationToken.None);
    }
}
