using System.Net;
using Api.Admin.MailLimits;
using Api.Data;
using Api.Shared;
using Api.Portal;
using Api.Portal.PasswordSetup;
using Api.Tests.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Security.Limits;

/// <summary>
/// E-mails sent by staff actions (add, resend activation, reset MFA, bulk resend) are limited per
/// partner per hour and per recipient address per day (ASVS 11.1.4), so our DoNotReply@ address
/// cannot be made to mail anyone at will. The address's budget is the address's own: deleting the
/// user and adding them again starts nothing afresh. Refused, an action writes nothing.
/// </summary>
[Collection(LimitsCollection.Name)]
public sealed class AdminMailLimitTests(LimitsApiFactory api)
{
    private const int Parallel = 50;
    private const string RecipientSentence = "We have already sent";
    private const string PartnerSentence = "Your team has had us send";
    private static readonly AdminMailLimitOptions Shipped = new();
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    [Theory]
    [Trait("ASVS", "11.1.4")]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Deleting_and_adding_a_user_again_does_not_renew_the_addresses_budget(bool clientOnSso)
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        if (clientOnSso)
        {
            await AdminCalls.MigrateClientAsync(api.Services, world.Clients[0]);
        }

        var admin = await world.StaffAsync();
        using var browser = new SsoDriver(api);
        var email = AdminCalls.NewEmail();
        for (var i = 0; i < Shipped.PerRecipientPerDay; i++)
        {
            var id = await admin.AddAsync(browser, world.Clients[0], email);
            Assert.Equal(HttpStatusCode.NoContent, (await admin.SendAsync(browser, HttpMethod.Delete, $"/api/admin/end-users/{id}")).Status);
        }

        var again = await admin.PostAsync(browser, "/api/admin/end-users", new { clientId = world.Clients[0].Id, name = "New Person", email, role = EndUserRoles.EndUser });

        LimitAnswers.AssertRefused(again, Day, $"{RecipientSentence} {Shipped.PerRecipientPerDay} e-mails to {email} in the last 24 hours");
        Assert.Equal(0, await CountAsync(db => db.EndUsers.CountAsync(u => u.Email == email && !u.Deleted)));
        Assert.Equal(Shipped.PerRecipientPerDay, (await Mailbox.MessagesAsync(api.Services, email, clientOnSso ? "activation" : PasswordSetupEmails.Kind)).Count);
    }

    [Fact]
    [Trait("ASVS", "11.1.4")]
    public async Task Fifty_parallel_adds_send_what_the_partners_hour_has_left_and_add_no_one_else()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        await api.SpendAsync(AdminMailBudget.PartnerKey(world.Partner.Id), Shipped.PerPartnerPerHour, Hour, Shipped.PerPartnerPerHour - 5);
        var admin = await world.StaffAsync();
        using var browser = new SsoDriver(api);
        var emails = Enumerable.Range(0, Parallel).Select(_ => AdminCalls.NewEmail()).ToList();

        var answers = await Task.WhenAll(emails.Select(email =>
            admin.PostAsync(browser, "/api/admin/end-users", new { clientId = world.Clients[0].Id, name = "New Person", email, role = EndUserRoles.EndUser })));

        LimitAnswers.AssertExactly(5, answers, HttpStatusCode.Created, Hour, $"{PartnerSentence} {Shipped.PerPartnerPerHour} e-mails in the last hour");
        Assert.Equal(5, await CountAsync(db => db.EndUsers.CountAsync(u => emails.Contains(u.Email))));
        Assert.Equal(5, await CountAsync(db => db.OutboxMessages.CountAsync(m => emails.Contains(m.To))));
    }

    [Fact]
    [Trait("ASVS", "11.1.4")]
    public async Task Fifty_parallel_activation_resends_to_an_address_mailed_today_send_only_what_is_left()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var user = await world.EndUserAsync(SsoUserState.MigratedPending);
        await api.SpendAsync(AdminMailBudget.RecipientKey(user.Email), Shipped.PerRecipientPerDay, Day, Shipped.PerRecipientPerDay - 1);
        var technician = await world.StaffAsync(ProductRoles.PartnerTechnician);
        using var browser = new SsoDriver(api);

        var answers = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ =>
            technician.PostAsync(browser, $"/api/admin/end-users/{user.EndUserId}/resend-activation")));

        LimitAnswers.AssertExactly(1, answers, HttpStatusCode.Accepted, Day, RecipientSentence);
        Assert.Single(await Mailbox.MessagesAsync(api.Services, user.Email, "activation"));
    }

    [Fact]
    [Trait("ASVS", "11.1.4")]
    public async Task Fifty_parallel_mfa_resets_of_an_address_mailed_today_reset_once_and_refuse_the_rest()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var user = await world.EndUserAsync(SsoUserState.Enrolled);
        await api.SpendAsync(AdminMailBudget.RecipientKey(user.Email), Shipped.PerRecipientPerDay, Day, Shipped.PerRecipientPerDay - 1);
        var admin = await world.StaffAsync();
        using var browser = new SsoDriver(api);

        var answers = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ =>
            admin.PostAsync(browser, $"/api/admin/end-users/{user.EndUserId}/reset-mfa")));

        LimitAnswers.AssertExactly(1, answers, HttpStatusCode.NoContent, Day, RecipientSentence);
        Assert.Single(await Mailbox.MessagesAsync(api.Services, user.Email, "authenticator-reset"));
    }

    [Fact]
    [Trait("ASVS", "11.1.4")]
    public async Task A_bulk_resend_sends_what_the_partners_hour_allows_reports_the_rest_and_then_answers_429()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var users = new List<TestUser>();
        for (var i = 0; i < 8; i++)
        {
            users.Add(await world.EndUserAsync(SsoUserState.MigratedPending));
        }

        await api.SpendAsync(AdminMailBudget.PartnerKey(world.Partner.Id), Shipped.PerPartnerPerHour, Hour, Shipped.PerPartnerPerHour - 5);
        var technician = await world.StaffAsync(ProductRoles.PartnerTechnician);
        using var browser = new SsoDriver(api);
        var ids = users.Select(u => u.EndUserId).ToArray();

        var first = await technician.PostAsync(browser, "/api/admin/end-users/bulk", new { action = "resend-activation", ids });
        var second = await technician.PostAsync(browser, "/api/admin/end-users/bulk", new { action = "resend-activation", ids });

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(5, first.Json!["succeeded"]!.GetValue<int>());
        var failed = first.Json!["failed"]!.AsArray();
        Assert.Equal(3, failed.Count);
        Assert.All(failed, f => Assert.StartsWith("your team's e-mail limit for this hour is reached; try again in", f!["reason"]!.GetValue<string>()));
        LimitAnswers.AssertRefused(second, Hour, PartnerSentence);
        var mails = await CountAsync(db => db.OutboxMessages.CountAsync(m => users.Select(u => u.Email).Contains(m.To)));
        Assert.Equal(5, mails);
    }

    [Fact]
    [Trait("ASVS", "11.1.4")]
    public async Task Fifty_parallel_bulk_resends_to_an_address_mailed_today_send_once_and_refuse_the_rest()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var user = await world.EndUserAsync(SsoUserState.MigratedPending);
        await api.SpendAsync(AdminMailBudget.RecipientKey(user.Email), Shipped.PerRecipientPerDay, Day, Shipped.PerRecipientPerDay - 1);
        var technician = await world.StaffAsync(ProductRoles.PartnerTechnician);
        using var browser = new SsoDriver(api);

        var answers = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ =>
            technician.PostAsync(browser, "/api/admin/end-users/bulk", new { action = "resend-activation", ids = new[] { user.EndUserId } })));

        LimitAnswers.AssertExactly(1, answers, HttpStatusCode.OK, Day, RecipientSentence);
        Assert.Equal(1, Assert.Single(answers, a => a.Status == HttpStatusCode.OK).Json!["succeeded"]!.GetValue<int>());
        Assert.Single(await Mailbox.MessagesAsync(api.Services, user.Email, "activation"));
    }

    private async Task<T> CountAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
