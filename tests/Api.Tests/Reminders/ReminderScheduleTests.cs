using Api.SsoMigration.Reminders;

namespace Api.Tests.Reminders;

/// <summary>Which reminder goes when: by days after the batch, as a fake clock says, and what it tells the user.</summary>
[Collection(RemindersCollection.Name)]
public sealed class ReminderScheduleTests(RemindersApiFactory api)
{
    [Fact]
    public async Task Nothing_is_due_before_three_days_then_each_stuck_user_gets_the_reminder_of_their_step()
    {
        var world = await ReminderWorld.CreateAsync(api.Services);
        var notActivated = await world.MovedUserAsync(SsoUserState.MigratedPending);
        var notEnrolled = await world.MovedUserAsync(SsoUserState.Activated, client: 1);
        var ready = await world.MovedUserAsync(SsoUserState.Enrolled);

        Assert.Equal(new ReminderPass(0, 0), await world.PassAsync(days: 2.9));
        Assert.Empty(await world.RemindersOfAsync(notActivated));

        Assert.Equal(2, (await world.PassAsync(days: 3.1)).Reminders);

        var activate = Assert.Single(await world.RemindersOfAsync(notActivated));
        Assert.Equal("Reminder: activate your email account for Single Sign-On", activate.Subject);
        Assert.Contains($"Hello {notActivated.DisplayName},", activate.TextBody);
        Assert.Contains("https://localhost/sso/activate?token=", activate.TextBody);
        foreach (var step in new[] { "Log in with Single Sign-On", "click Next", "Password (the one you use today)", "click Login", "MFA Code", "Forgot Password", "DoNotReply@" })
        {
            Assert.Contains(step, activate.TextBody);
        }

        var enrol = Assert.Single(await world.RemindersOfAsync(notEnrolled));
        Assert.Equal("Reminder: set up your authenticator app for Single Sign-On", enrol.Subject);
        foreach (var step in new[] { "authenticator app", "Set up your authenticator", "QR code", "Manual key", "Authentication code", "Verify", "recovery codes", "MFA Code" })
        {
            Assert.Contains(step, enrol.TextBody);
        }

        Assert.DoesNotContain("token=", enrol.TextBody);
        Assert.Empty(await world.RemindersOfAsync(ready));
    }

    [Fact]
    public async Task A_user_still_not_activated_gets_the_last_reminder_at_seven_days_and_nothing_after()
    {
        var world = await ReminderWorld.CreateAsync(api.Services);
        var user = await world.MovedUserAsync(SsoUserState.MigratedPending);
        var notEnrolled = await world.MovedUserAsync(SsoUserState.Activated);

        await world.PassAsync(days: 3.5);
        Assert.Equal(0, (await world.PassAsync(days: 6.9)).Reminders);
        Assert.Equal(1, (await world.PassAsync(days: 7.1)).Reminders);
        await world.PassAsync(days: 12);
        await world.PassAsync(days: 29);

        var mails = await world.RemindersOfAsync(user);
        Assert.Equal(
            ["Reminder: activate your email account for Single Sign-On", "Last reminder: activate your email account for Single Sign-On"],
            mails.Select(m => m.Subject));
        Assert.Equal(
            [MigrationReminderKind.NotActivatedFirst, MigrationReminderKind.NotActivatedSecond],
            (await world.RowsOfAsync(user)).OrderBy(r => r.SentAt).Select(r => r.Kind));
        // The user who activated gets one reminder about the authenticator, not two.
        Assert.Single(await world.RemindersOfAsync(notEnrolled));
    }

    [Fact]
    public async Task A_pass_that_comes_late_sends_the_reminder_of_that_day_only()
    {
        var world = await ReminderWorld.CreateAsync(api.Services);
        var user = await world.MovedUserAsync(SsoUserState.MigratedPending);

        Assert.Equal(1, (await world.PassAsync(days: 9)).Reminders);

        var mail = Assert.Single(await world.RemindersOfAsync(user));
        Assert.StartsWith("Last reminder", mail.Subject);
        Assert.Equal(0, (await world.PassAsync(days: 10)).Reminders);
    }

    [Fact]
    public async Task Batches_completed_more_than_thirty_days_ago_are_left_alone()
    {
        var world = await ReminderWorld.CreateAsync(api.Services);
        var user = await world.MovedUserAsync(SsoUserState.MigratedPending);

        await world.PassAsync(days: 31);

        Assert.Empty(await world.RemindersOfAsync(user));
    }
}
