using Api.Audit;
using Api.Data;
using Api.SsoMigration.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Reminders;

/// <summary>Each reminder exactly once per user and kind, whatever runs at the same time: replicas' senders, extra passes, restarts.</summary>
[Collection(RemindersCollection.Name)]
public sealed class ReminderOnceTests(RemindersApiFactory api)
{
    [Fact]
    public async Task Two_senders_and_fifty_parallel_passes_send_each_reminder_once_and_a_restart_sends_nothing_again()
    {
        var world = await ReminderWorld.CreateAsync(api.Services);
        var stuck = new List<TestUser>();
        for (var i = 0; i < 4; i++)
        {
            stuck.Add(await world.MovedUserAsync(i % 2 == 0 ? SsoUserState.MigratedPending : SsoUserState.Activated, client: i % 2));
        }

        var clock = world.ClockAt(days: 3.5);
        var senders = new[] { world.Sender(clock), world.Sender(clock) };
        var passes = Enumerable.Range(0, 50).Select(async i =>
        {
            await Task.Yield();
            if (i < senders.Length)
            {
                return (await senders[i].RunOnceAsync(CancellationToken.None)).Reminders;
            }

            await using var scope = api.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<MigrationReminders>().RemindAsync(clock.GetUtcNow().UtcDateTime, CancellationToken.None);
        });
        var sent = await Task.WhenAll(passes);

        Assert.Equal(stuck.Count, sent.Sum());
        foreach (var user in stuck)
        {
            Assert.Single(await world.RemindersOfAsync(user));
            Assert.Single(await world.RowsOfAsync(user));
            Assert.Single(await AdminCalls.AuditOfAsync(api.Services, user.EndUserId, AuditActions.ReminderSent));
        }

        // A restart: new senders, the same day and a later one of the same reminder, find nothing left to send.
        Assert.Equal(0, (await world.Sender(world.ClockAt(days: 3.5)).RunOnceAsync(CancellationToken.None)).Reminders);
        Assert.Equal(0, (await world.PassAsync(days: 6)).Reminders);
        foreach (var user in stuck)
        {
            Assert.Single(await world.RemindersOfAsync(user));
        }
    }

    [Fact]
    public async Task Two_senders_at_once_on_the_last_reminders_day_send_it_once_each()
    {
        var world = await ReminderWorld.CreateAsync(api.Services);
        var users = new[] { await world.MovedUserAsync(SsoUserState.MigratedPending), await world.MovedUserAsync(SsoUserState.MigratedPending) };
        await world.PassAsync(days: 3.5);
        var clock = world.ClockAt(days: 7.5);

        var passes = await Task.WhenAll(world.Sender(clock).RunOnceAsync(CancellationToken.None), world.Sender(clock).RunOnceAsync(CancellationToken.None));

        Assert.Equal(2, passes.Sum(p => p.Reminders));
        foreach (var user in users)
        {
            Assert.Equal(2, (await world.RemindersOfAsync(user)).Count);
        }

        await using var scope = api.Services.CreateAsyncScope();
        var ids = users.Select(u => u.EndUserId).ToList();
        Assert.Equal(4, await scope.ServiceProvider.GetRequiredService<AppDbContext>().MigrationReminders.CountAsync(r => ids.Contains(r.EndUserId)));
    }
}
