using System.Net;
using Api.Admin.MailLimits;
using Api.Audit;
using Api.Shared;
using Api.Shared.Limits;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Reminders;

/// <summary>Send reminder in Manage Users: to stuck migrated users of the partner, once a day each, within the partner's e-mail limits.</summary>
[Collection(RemindersCollection.Name)]
public sealed class ManualReminderTests(RemindersApiFactory api)
{
    [Fact]
    public async Task A_technician_reminds_a_user_who_has_not_activated_with_a_working_link_even_with_automatic_reminders_off()
    {
        var world = await ReminderWorld.CreateAsync(api.Services);
        var user = await world.MovedUserAsync(SsoUserState.MigratedPending);
        var admin = await world.Admin.StaffAsync();
        var technician = await world.Admin.StaffAsync(ProductRoles.PartnerTechnician);
        using var browser = new SsoDriver(api);
        await admin.SendAsync(browser, HttpMethod.Put, $"/api/admin/clients/{world.Admin.Clients[0].Id}/automatic-reminders", new { enabled = false });

        var answer = await technician.PostAsync(browser, Path(user));

        Assert.Equal(HttpStatusCode.Accepted, answer.Status);
        var mail = Assert.Single(await world.RemindersOfAsync(user));
        Assert.Equal("Reminder: activate your email account for Single Sign-On", mail.Subject);
        Assert.Contains("Your IT provider asked us to remind you", mail.TextBody);
        Assert.Equal(HttpStatusCode.OK, (await browser.ActivateAsync(Mailbox.TokenIn(mail, "activate"))).Status);
        var audit = Assert.Single(await AdminCalls.AuditOfAsync(api.Services, user.EndUserId, AuditActions.ReminderSent));
        Assert.Equal(technician.AccountId, audit.ActorId);
        Assert.Contains("manual", audit.After);
    }

    [Fact]
    public async Task Fifty_parallel_clicks_send_one_reminder_and_the_others_say_it_went_today()
    {
        var world = await ReminderWorld.CreateAsync(api.Services);
        var user = await world.MovedUserAsync(SsoUserState.Activated);
        var admin = await world.Admin.StaffAsync();
        using var browser = new SsoDriver(api);

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => admin.PostAsync(browser, Path(user))));

        Assert.Equal(1, answers.Count(a => a.Status == HttpStatusCode.Accepted));
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Accepted), a =>
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, a.Status);
            Assert.StartsWith($"A reminder was already sent to {user.DisplayName} today", a.Detail);
            Assert.NotNull(a.Raw.Headers.RetryAfter?.Delta);
        });
        var mail = Assert.Single(await world.RemindersOfAsync(user));
        Assert.Equal("Reminder: set up your authenticator app for Single Sign-On", mail.Subject);
        Assert.Single(await world.RowsOfAsync(user));
        Assert.Single(await AdminCalls.AuditOfAsync(api.Services, user.EndUserId, AuditActions.ReminderSent));
    }

    [Fact]
    public async Task Beyond_the_partners_mail_budget_it_refuses_with_a_sentence_and_sends_nothing()
    {
        var world = await ReminderWorld.CreateAsync(api.Services);
        var user = await world.MovedUserAsync(SsoUserState.MigratedPending);
        var admin = await world.Admin.StaffAsync();
        var limit = new AdminMailLimitOptions().PerPartnerPerHour;
        var budget = api.Services.GetRequiredService<RedisBudget>();
        Assert.True((await budget.TryTakeAsync(AdminMailBudget.PartnerKey(world.Admin.Partner.Id), limit, TimeSpan.FromHours(1), limit)).Taken);
        using var browser = new SsoDriver(api);

        var one = await admin.PostAsync(browser, Path(user));
        var bulk = await admin.PostAsync(browser, "/api/admin/end-users/bulk", new { action = "send-reminder", ids = new[] { user.EndUserId } });

        foreach (var answer in new[] { one, bulk })
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, answer.Status);
            Assert.StartsWith($"Your team has had us send {limit} e-mails in the last hour", answer.Detail);
            Assert.NotNull(answer.Raw.Headers.RetryAfter?.Delta);
        }

        Assert.Empty(await world.RemindersOfAsync(user));
        Assert.Empty(await world.RowsOfAsync(user));
    }

    [Fact]
    public async Task Another_partners_user_is_not_found_and_users_with_nothing_to_do_are_told_why()
    {
        var world = await ReminderWorld.CreateAsync(api.Services);
        var theirs = await ReminderWorld.CreateAsync(api.Services);
        var theirUser = await theirs.MovedUserAsync(SsoUserState.MigratedPending);
        var ready = await world.MovedUserAsync(SsoUserState.Enrolled);
        var legacy = await world.Admin.EndUserAsync(SsoUserState.Legacy);
        var disabled = await world.MovedUserAsync(SsoUserState.MigratedPending);
        var admin = await world.Admin.StaffAsync();
        using var browser = new SsoDriver(api);
        await admin.PostAsync(browser, $"/api/admin/end-users/{disabled.EndUserId}/disable");

        var other = await admin.PostAsync(browser, Path(theirUser));
        var nothing = await admin.PostAsync(browser, Path(ready));
        var notOnSso = await admin.PostAsync(browser, Path(legacy));
        var off = await admin.PostAsync(browser, Path(disabled));

        Assert.Equal(HttpStatusCode.NotFound, other.Status);
        Assert.Equal("This end user does not exist, or is not one of your clients' users.", other.Detail);
        Assert.Empty(await theirs.RemindersOfAsync(theirUser));
        Assert.Equal(HttpStatusCode.Conflict, nothing.Status);
        Assert.Equal($"{ready.DisplayName} has activated their account and set up an authenticator: there is nothing to remind them of.", nothing.Detail);
        Assert.Equal(HttpStatusCode.Conflict, notOnSso.Status);
        Assert.StartsWith($"{legacy.DisplayName} is not on Single Sign-On", notOnSso.Detail);
        Assert.Equal(HttpStatusCode.Conflict, off.Status);
        Assert.StartsWith($"{disabled.DisplayName} is disabled", off.Detail);
    }

    [Fact]
    public async Task A_bulk_reminder_reminds_the_stuck_users_and_reports_the_others()
    {
        var world = await ReminderWorld.CreateAsync(api.Services);
        var theirs = await ReminderWorld.CreateAsync(api.Services);
        var stuck = new[] { await world.MovedUserAsync(SsoUserState.MigratedPending), await world.MovedUserAsync(SsoUserState.Activated, client: 1) };
        var ready = await world.MovedUserAsync(SsoUserState.Enrolled);
        var theirUser = await theirs.MovedUserAsync(SsoUserState.MigratedPending);
        var admin = await world.Admin.StaffAsync();
        using var browser = new SsoDriver(api);

        var answer = await admin.PostAsync(browser, "/api/admin/end-users/bulk",
            new { action = "send-reminder", ids = new[] { stuck[0].EndUserId, stuck[1].EndUserId, ready.EndUserId, theirUser.EndUserId } });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(2, answer.Json!["succeeded"]!.GetValue<int>());
        var failed = answer.Json["failed"]!.AsArray().ToDictionary(f => f!["id"]!.GetValue<Guid>(), f => f!["reason"]!.GetValue<string>());
        Assert.Equal("already activated and enrolled", failed[ready.EndUserId]);
        Assert.Equal("not found", failed[theirUser.EndUserId]);
        foreach (var user in stuck)
        {
            Assert.Single(await world.RemindersOfAsync(user));
        }

        Assert.Empty(await theirs.RemindersOfAsync(theirUser));
    }

    private static string Path(TestUser user) => $"/api/admin/end-users/{user.EndUserId}/send-reminder";
}
