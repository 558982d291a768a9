using Api.Data;
using Api.Mail;
using Api.SsoMigration.Batches;
using Api.SsoMigration.Reminders;
using Api.Tests.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Api.Tests.Reminders;

/// <summary>
/// One partner whose clients' end users were moved by a completed batch, written as a run leaves
/// it (a Migrated result per user), and reminder senders on fake clocks counted in days after the
/// batch. Each world's batch completes a hundred days after the previous world's, so a pass on one
/// world's clock never finds another world's users due (reminders stop after 30 days).
/// </summary>
public sealed class ReminderWorld
{
    private static int worlds;
    private readonly IServiceProvider services;

    private ReminderWorld(IServiceProvider services, AdminWorld admin, Guid batchId, DateTime completedAt)
    {
        this.services = services;
        Admin = admin;
        BatchId = batchId;
        CompletedAt = completedAt;
    }

    public AdminWorld Admin { get; }

    public Guid BatchId { get; }

    public DateTime CompletedAt { get; }

    /// <param name="completedAt">When the batch completed; by default far from every other world's.</param>
    public static async Task<ReminderWorld> CreateAsync(IServiceProvider services, int clients = 2, DateTime? completedAt = null)
    {
        var admin = await AdminWorld.CreateAsync(services, clients);
        var at = completedAt ?? DateTime.UtcNow.AddDays(100 * Interlocked.Increment(ref worlds));
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var batch = new MigrationBatch
        {
            Name = $"Wave {Guid.NewGuid():N}"[..13],
            ScheduledAt = at.AddHours(-1),
            TimeZone = "Europe/Amsterdam",
            Status = MigrationBatchStatus.Completed,
            CreatedAt = at.AddDays(-20),
            CreatedBy = "Test Operator",
            StartedAt = at.AddHours(-1),
            CompletedAt = at,
            Clients = [.. admin.Clients.Select(c => new MigrationBatchClient { ClientId = c.Id })],
        };
        db.Add(batch);
        await db.SaveChangesAsync();
        return new ReminderWorld(services, admin, batch.Id, at);
    }

    /// <summary>An end user of one of the clients (the first by default) moved by this batch, in the given state.</summary>
    public async Task<TestUser> MovedUserAsync(SsoUserState state, int client = 0)
    {
        var user = await Admin.EndUserAsync(state, Admin.Clients[client]);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.MigrationResults.Add(new MigrationResult { BatchId = BatchId, EndUserId = user.EndUserId, Status = MigrationOutcomeStatus.Migrated, Attempts = 1, CompletedAt = CompletedAt });
        await db.SaveChangesAsync();
        return user;
    }

    /// <summary>A clock <paramref name="days"/> days after the batch completed.</summary>
    public FakeTimeProvider ClockAt(double days) => new(new DateTimeOffset(DateTime.SpecifyKind(CompletedAt, DateTimeKind.Utc)).AddDays(days));

    /// <summary>A sender as a replica runs it (a restart is a new one), on this clock.</summary>
    public ReminderSender Sender(FakeTimeProvider clock) => ActivatorUtilities.CreateInstance<ReminderSender>(services, (TimeProvider)clock);

    /// <summary>One pass of a new sender <paramref name="days"/> days after the batch.</summary>
    public Task<ReminderPass> PassAsync(double days) => Sender(ClockAt(days)).RunOnceAsync(CancellationToken.None);

    /// <summary>The reminders e-mailed to this user, oldest first.</summary>
    public Task<List<OutboxMessage>> RemindersOfAsync(TestUser user) => Mailbox.MessagesAsync(services, user.Email, ReminderEmails.Kind);

    /// <summary>The reminder rows of this user.</summary>
    public async Task<List<MigrationReminder>> RowsOfAsync(TestUser user)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().MigrationReminders.AsNoTracking()
            .Where(r => r.EndUserId == user.EndUserId).ToListAsync();
    }

    /// <summary>Changes something on the database directly (a user acting, an admin's change), in a scope of its own.</summary>
    public async Task ChangeAsync(Func<AppDbContext, Task> change)
    {
        await using var scope = services.CreateAsyncScope();
        await change(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
