using System.Net;
using Api.Admin.ManageUsers;
using Api.Data;
using Api.Shared;
using Api.Mail;
using Api.Tests.Sso;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Admin;

/// <summary>One end user's page in Manage Users: their row and the e-mails sent for them, with whether each arrived.</summary>
[Collection(SsoCollection.Name)]
public sealed class ManageUsersDetailTests(SsoApiFactory api)
{
    [Fact]
    public async Task The_page_shows_the_user_and_their_last_emails_newest_first_with_their_delivery_state()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var user = await world.EndUserAsync(SsoUserState.Enrolled, client: world.Clients[1]);
        var neighbour = await world.EndUserAsync(SsoUserState.Enrolled);
        var now = DateTime.UtcNow;
        await AddMailAsync(neighbour, "Not theirs", now);
        await AddMailAsync(user, "Queued one", now.AddMinutes(-1));
        await AddMailAsync(user, "Failed one", now.AddMinutes(-2), error: "550 mailbox unavailable", attempts: 3);
        await AddMailAsync(user, "Sent one", now.AddMinutes(-3), sentAt: now.AddMinutes(-3).AddSeconds(2), attempts: 1);
        using var reader = new ManageUsersReader(api, await world.StaffAsync());

        var detail = await reader.DetailAsync(user.EndUserId);

        Assert.Equal((user.EndUserId, user.Email, user.DisplayName), (detail.User.Id, detail.User.Email, detail.User.Name));
        Assert.Equal((world.Clients[1].Id, world.Clients[1].Name), (detail.User.ClientId, detail.User.ClientName));
        Assert.Equal(SsoStateNames.Active, detail.User.SsoState);
        Assert.True(detail.User.MigratedToSso);
        Assert.Equal(["Queued one", "Failed one", "Sent one"], detail.Emails.Select(e => e.Subject));
        Assert.Equal(["queued", "failed", "sent"], detail.Emails.Select(e => e.State));
        Assert.Equal([null, "550 mailbox unavailable", null], detail.Emails.Select(e => e.Error));
        Assert.Equal([0, 3, 1], detail.Emails.Select(e => e.Attempts));
        Assert.Null(detail.Emails[0].SentAt);
        Assert.Equal(DateTimeKind.Utc, detail.Emails[2].SentAt!.Value.Kind);
        Assert.Equal(now.AddMinutes(-3).AddSeconds(2), detail.Emails[2].SentAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.All(detail.Emails, e => Assert.Equal("test-notice", e.Kind));
    }

    [Fact]
    public async Task A_mail_the_sso_sends_appears_on_the_page()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var user = await world.EndUserAsync(SsoUserState.Enrolled);
        using (var browser = new SsoDriver(api))
        {
            await browser.ForgotPasswordAsync(user.Email);
        }

        var reset = Assert.Single(await Mailbox.WaitForAsync(api.Services, user.Email, "password-reset"));
        using var reader = new ManageUsersReader(api, await world.StaffAsync(ProductRoles.PartnerTechnician));

        var shown = Assert.Single((await reader.DetailAsync(user.EndUserId)).Emails);

        Assert.Equal((reset.Id, "password-reset", reset.Subject), (shown.Id, shown.Kind, shown.Subject));
        Assert.Contains(shown.State, new[] { "queued", "sent", "failed" });
    }

    [Fact]
    public async Task Only_the_twenty_newest_emails_are_listed()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var user = await world.EndUserAsync(SsoUserState.Legacy);
        var start = DateTime.UtcNow.AddHours(-1);
        for (var i = 0; i < 25; i++)
        {
            await AddMailAsync(user, $"Notice {i:D2}", start.AddMinutes(i));
        }

        using var reader = new ManageUsersReader(api, await world.StaffAsync());
        var emails = (await reader.DetailAsync(user.EndUserId)).Emails;

        Assert.Equal(Enumerable.Range(5, 20).Reverse().Select(i => $"Notice {i:D2}"), emails.Select(e => e.Subject));
    }

    [Fact]
    public async Task A_deleted_or_unknown_user_is_not_found()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var deleted = await world.EndUserAsync(SsoUserState.Legacy);
        await ManageUsersReader.ChangeAsync(api.Services, deleted.EndUserId, u => u.Deleted = true);
        using var reader = new ManageUsersReader(api, await world.StaffAsync());

        foreach (var id in new[] { deleted.EndUserId, Guid.NewGuid() })
        {
            var answer = await reader.GetAsync($"/api/admin/end-users/{id}");
            Assert.Equal(HttpStatusCode.NotFound, answer.Status);
            Assert.True(answer.IsProblem, answer.ToString());
            Assert.Equal("This end user was not found. They may have been deleted.", answer.Detail);
        }

        Assert.Equal(0, (await reader.PageAsync()).Total);
        Assert.Equal(0, Assert.Single(await reader.ClientsAsync(), c => c.Id == world.Clients[0].Id).EndUsers);
    }

    /// <summary>An outbox row sent for this user, in the given delivery state, not due for sending (the dispatcher leaves it as it is).</summary>
    private async Task AddMailAsync(TestUser user, string subject, DateTime createdAt, DateTime? sentAt = null, string? error = null, int attempts = 0)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.OutboxMessages.Add(new OutboxMessage
        {
            Kind = "test-notice",
            To = user.Email,
            EndUserId = user.EndUserId,
            Subject = subject,
            TextBody = OutboxMessage.ContentRemoved,
            HtmlBody = OutboxMessage.ContentRemoved,
            CreatedAt = createdAt,
            NextAttemptAt = DateTime.UtcNow.AddDays(1),
            SentAt = sentAt,
            LastError = error,
            Attempts = attempts,
        });
        await db.SaveChangesAsync();
    }
}
