using System.Net;
using Api.Tests.Migration;

namespace Api.Tests.Reminders;

/// <summary>Run reminders now, the operators' button in Development: the users still stuck are mailed at once, a second run mails nobody.</summary>
[Collection(RemindersCollection.Name)]
public sealed class RunRemindersNowTests(RemindersApiFactory api)
{
    private const string Run = "/api/admin/migration/reminders/run";

    [Fact]
    public async Task An_operator_mails_exactly_the_users_still_stuck_with_a_working_link_and_a_second_run_mails_nobody()
    {
        // A batch that completed a moment ago: without the button its reminders would be days away.
        var world = await ReminderWorld.CreateAsync(api.Services, completedAt: DateTime.UtcNow.AddMinutes(-5));
        var stuck = new[] { await world.MovedUserAsync(SsoUserState.MigratedPending), await world.MovedUserAsync(SsoUserState.MigratedPending) };
        var ready = await world.MovedUserAsync(SsoUserState.Enrolled);
        var admin = await world.Admin.StaffAsync();
        var @operator = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);

        var settings = await @operator.GetAsync(browser, "/api/admin/migration/reminders");
        var first = await @operator.PostAsync(browser, Run);
        var second = await @operator.PostAsync(browser, Run);

        Assert.Equal(HttpStatusCode.OK, settings.Status);
        Assert.True(settings.Json!["canRunNow"]!.GetValue<bool>());
        Assert.Equal(3, settings.Json["firstAfterDays"]!.GetValue<int>());
        Assert.Equal(7, settings.Json["secondAfterDays"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(2, first.Json!["reminders"]!.GetValue<int>());
        Assert.Equal(1, first.Json["digests"]!.GetValue<int>());
        Assert.Equal(0, second.Json!["reminders"]!.GetValue<int>());
        Assert.Equal(0, second.Json["digests"]!.GetValue<int>());
        foreach (var user in stuck)
        {
            var mail = Assert.Single(await world.RemindersOfAsync(user));
            Assert.Contains("activate your email account for Single Sign-On", mail.Subject);
            Assert.Equal(HttpStatusCode.OK, (await browser.ActivateAsync(Mailbox.TokenIn(mail, "activate"))).Status);
        }

        Assert.Empty(await world.RemindersOfAsync(ready));
        Assert.Single(await MigrationCalls.NoticeMailsAsync(api.Services, admin.Email));
    }

    [Fact]
    public async Task Partner_staff_may_neither_run_reminders_nor_read_their_settings()
    {
        var world = await ReminderWorld.CreateAsync(api.Services);
        var admin = await world.Admin.StaffAsync();
        using var browser = new SsoDriver(api);

        foreach (var answer in new[] { await admin.PostAsync(browser, Run), await admin.GetAsync(browser, "/api/admin/migration/reminders") })
        {
            Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
            Assert.False(string.IsNullOrWhiteSpace(answer.Detail));
        }
    }
}
