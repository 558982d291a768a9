using System.Net;
using Api.SsoMigration.Batches;
using Api.SsoMigration.Notices;
using Api.SsoMigration.Planning;
using Api.Tests.Admin;
using Api.Tests.Sso;

namespace Api.Tests.Migration;

/// <summary>
/// Every promise a notice makes is kept or announced again, as a new partner reads them: the first
/// mail is always the announcement, a move earlier than the date told is confirmed by the operator
/// and mailed at once, and a notice counts only the users who will move and names the others.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class NoticePromiseTests(SsoApiFactory api)
{
    [Fact]
    public async Task A_batch_rescheduled_before_any_notice_is_first_announced_and_only_then_changed()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();
        await world.EndUserAsync(SsoUserState.Legacy);
        var @operator = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);
        var id = await @operator.CreateBatchAsync(browser, world.Clients, daysAhead: 15);
        Assert.Empty(await MigrationCalls.NoticeMailsAsync(api.Services, admin.Email));

        var thirteenDays = MigrationCalls.DaysAhead(13);
        var closer = await Reschedule(@operator, browser, id, thirteenDays);
        var first = Assert.Single(await MigrationCalls.NoticeMailsAsync(api.Services, admin.Email));
        var later = await Reschedule(@operator, browser, id, MigrationCalls.DaysAhead(20));

        Assert.Equal(HttpStatusCode.NoContent, closer.Status);
        Assert.StartsWith("Your clients move to Single Sign-On on ", first.Subject);
        Assert.DoesNotContain("disregard", first.TextBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Describe(thirteenDays), first.TextBody);
        Assert.Equal(HttpStatusCode.NoContent, later.Status);
        var mails = await MigrationCalls.NoticeMailsAsync(api.Services, admin.Email);
        Assert.Equal(2, mails.Count);
        Assert.StartsWith("New date:", mails[1].Subject);
        Assert.Contains("Please disregard any earlier date.", mails[1].TextBody);
        Assert.Equal(
            [MigrationNoticeKind.Upcoming, MigrationNoticeKind.Rescheduled],
            (await MigrationCalls.NoticesAsync(api.Services, id)).OrderBy(n => n.SentAt).Select(n => n.Kind));
    }

    [Fact]
    public async Task A_move_earlier_than_the_date_told_is_refused_until_confirmed_and_then_mailed_as_brought_forward()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();
        var @operator = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);
        var id = await @operator.CreateBatchAsync(browser, world.Clients, daysAhead: 12);
        var told = (await MigrationCalls.BatchAsync(api.Services, id)).ScheduledAt;

        var fiveDays = MigrationCalls.DaysAhead(5);
        var refused = await Reschedule(@operator, browser, id, fiveDays);
        var unchanged = await MigrationCalls.BatchAsync(api.Services, id);
        var mailsBefore = await MigrationCalls.NoticeMailsAsync(api.Services, admin.Email);
        var confirmed = await Reschedule(@operator, browser, id, fiveDays, confirm: true);

        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Equal(
            $"Partners were told this batch runs on {BatchSchedule.Describe(told, "Europe/Amsterdam")}. Moving it to {Describe(fiveDays)} "
            + "breaks the two weeks' notice they were promised: confirm that you want to do it, and they are e-mailed at once.",
            refused.Detail);
        Assert.Equal(told, unchanged.ScheduledAt);
        Assert.Single(mailsBefore);
        Assert.Equal(HttpStatusCode.NoContent, confirmed.Status);
        var mails = await MigrationCalls.NoticeMailsAsync(api.Services, admin.Email);
        Assert.Equal(2, mails.Count);
        Assert.StartsWith("Earlier date:", mails[1].Subject);
        Assert.Contains($"announced for {BatchSchedule.Describe(told, "Europe/Amsterdam")}, has been brought forward to {Describe(fiveDays)}", mails[1].TextBody);
        Assert.Contains("less than the two weeks' notice", mails[1].TextBody);
    }

    [Fact]
    public async Task A_cancelled_batch_that_was_never_announced_mails_nobody()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();
        var @operator = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);
        var id = await @operator.CreateBatchAsync(browser, world.Clients, daysAhead: 30);

        Assert.Equal(HttpStatusCode.NoContent, (await @operator.PostAsync(browser, $"{MigrationCalls.Batches}/{id}/cancel")).Status);

        Assert.Empty(await MigrationCalls.NoticesAsync(api.Services, id));
        Assert.Empty(await MigrationCalls.NoticeMailsAsync(api.Services, admin.Email));
    }

    [Fact]
    public async Task The_notice_counts_the_users_the_readiness_check_says_will_move_and_names_the_others_with_why()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();
        var (first, second) = (world.Clients[0], world.Clients[1]);
        var plain = new[] { await world.EndUserAsync(SsoUserState.Legacy), await world.EndUserAsync(SsoUserState.Legacy) };
        await world.EndUserAsync(SsoUserState.Enrolled); // already on SSO: not counted at all
        var noEmail = await LeftBehindUsers.WithoutEmailAsync(api.Services, first);
        var (canonical, variant) = await LeftBehindUsers.TwinsAsync(api.Services, first, second);
        var asked = await LeftBehindUsers.WithAccountElsewhereAsync(api.Services, first);
        var excluded = await world.EndUserAsync(SsoUserState.Legacy, client: second);
        var @operator = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);
        var id = await @operator.CreateBatchAsync(browser, world.Clients, daysAhead: 30);
        await @operator.SendAsync(browser, HttpMethod.Put, $"{MigrationCalls.Batches}/{id}/exclusions/{excluded.EndUserId}", new { excluded = true });

        Assert.Equal(HttpStatusCode.NoContent, (await Reschedule(@operator, browser, id, MigrationCalls.DaysAhead(10))).Status);

        var readiness = (await @operator.GetAsync(browser, $"{MigrationCalls.Batches}/{id}/readiness")).Json!;
        var moving = readiness["toMigrate"]!.GetValue<int>() + readiness["toLink"]!.GetValue<int>();
        var mail = Assert.Single(await MigrationCalls.NoticeMailsAsync(api.Services, admin.Email));
        Assert.StartsWith("Your clients move to Single Sign-On on ", mail.Subject);
        Assert.Equal(3, moving); // the two plain users and the canonical twin
        Assert.Contains($"- {first.Name}: 3 end users", mail.TextBody);
        Assert.Contains($"- {second.Name}: 0 end users", mail.TextBody);
        Assert.Contains("4 end users will not move on that date:", mail.TextBody);
        Assert.Contains($"- No Address (", mail.TextBody);
        Assert.Contains("no usable e-mail address; fix it in Manage Users and they join the next run", mail.TextBody);
        Assert.Contains($"- Twin Variant (", mail.TextBody);
        Assert.Contains("another end user has the same e-mail address; fix one of them and they join the next run", mail.TextBody);
        Assert.Contains($"- {asked.DisplayName} ({asked.Email}), {first.Name}: a Single Sign-On account with this address belongs to someone else", mail.TextBody);
        Assert.Contains($"- {excluded.DisplayName} ({excluded.Email}), {second.Name}: left out of this move by the platform team", mail.TextBody);
        Assert.DoesNotContain("Twin Canonical", mail.TextBody);
        Assert.DoesNotContain(plain[0].Email, mail.TextBody);
        Assert.Contains($"https://localhost/{NoticeEmails.NeedsAttentionPath}", mail.TextBody);
        Assert.NotEqual(Guid.Empty, noEmail);
        Assert.NotEqual(canonical, variant);
    }

    private static Task<SsoResponse> Reschedule(StaffLogin @operator, SsoDriver browser, Guid id, DateTimeOffset at, bool confirm = false) =>
        @operator.PostAsync(browser, $"{MigrationCalls.Batches}/{id}/reschedule", new
        {
            scheduledAt = at,
            timeZone = "Europe/Amsterdam",
            confirmShortNotice = confirm,
        });

    private static string Describe(DateTimeOffset at) => BatchSchedule.Describe(at.UtcDateTime, "Europe/Amsterdam");
}
