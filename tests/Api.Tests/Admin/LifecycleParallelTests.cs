using Api.Shared;
using System.Net;
using Api.Audit;
using Api.Sso.Accounts;
using Api.Tests.Sso;

namespace Api.Tests.Admin;

/// <summary>
/// Fifty staff clicks at once: limits hold (e-mails per hour), a change happens and is audited
/// once (disabling a disabled user changes nothing), and a set-password link works once.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class LifecycleParallelTests(SsoApiFactory api)
{
    private const int Parallel = 50;

    [Fact]
    public async Task Fifty_parallel_activation_resends_send_at_most_the_hourly_limit()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var technician = await world.StaffAsync(Api.Shared.ProductRoles.PartnerTechnician);
        var user = await world.EndUserAsync(SsoUserState.MigratedPending);
        using var browser = new SsoDriver(api);

        var answers = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ =>
            technician.PostAsync(browser, $"/api/admin/end-users/{user.EndUserId}/resend-activation")));

        Assert.Equal(AccountAdministration.ActivationMailsPerHour, answers.Count(a => a.Status == HttpStatusCode.Accepted));
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Accepted), a => Assert.Equal(HttpStatusCode.TooManyRequests, a.Status));
        Assert.Equal(AccountAdministration.ActivationMailsPerHour, (await Mailbox.MessagesAsync(api.Services, user.Email, "activation")).Count);
        Assert.Equal(AccountAdministration.ActivationMailsPerHour, (await AdminCalls.AuditOfAsync(api.Services, user.EndUserId, AuditActions.ActivationResent)).Count);
    }

    [Fact]
    public async Task Fifty_parallel_set_password_resends_send_at_most_the_hourly_limit()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();
        using var browser = new SsoDriver(api);
        var email = AdminCalls.NewEmail();
        var id = await admin.AddAsync(browser, world.Clients[0], email);

        var answers = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ =>
            admin.PostAsync(browser, $"/api/admin/end-users/{id}/resend-activation")));

        // The invitation of the add counts: five set-password e-mails in the hour in all.
        Assert.Equal(AccountAdministration.ActivationMailsPerHour - 1, answers.Count(a => a.Status == HttpStatusCode.Accepted));
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Accepted), a => Assert.Equal(HttpStatusCode.TooManyRequests, a.Status));
        Assert.Equal(AccountAdministration.ActivationMailsPerHour, (await Mailbox.MessagesAsync(api.Services, email, "set-password")).Count);
    }

    [Fact]
    public async Task Fifty_parallel_disables_change_the_user_once_and_write_one_audit_entry()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();
        var user = await world.EndUserAsync(SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        var access = (await browser.SignInAsync(user)).AccessToken!;

        var answers = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ =>
            admin.PostAsync(browser, $"/api/admin/end-users/{user.EndUserId}/disable")));
        var again = await admin.PostAsync(browser, $"/api/admin/end-users/{user.EndUserId}/disable");

        Assert.All(answers.Append(again), a => Assert.Equal(HttpStatusCode.NoContent, a.Status));
        Assert.Single(await AdminCalls.AuditOfAsync(api.Services, user.EndUserId, AuditActions.EndUserDisabled));
        Assert.False((await AdminCalls.EndUserAsync(api.Services, user.EndUserId)).Enabled);
        await PortalApiProbe.AssertRefusedAsync(api, access);
    }

    [Fact]
    public async Task Fifty_parallel_deletes_delete_once_and_write_one_audit_entry()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();
        var user = await world.EndUserAsync(SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);

        var answers = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ =>
            admin.SendAsync(browser, HttpMethod.Delete, $"/api/admin/end-users/{user.EndUserId}")));

        Assert.Contains(answers, a => a.Status == HttpStatusCode.NoContent);
        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.NoContent or HttpStatusCode.NotFound, a.ToString()));
        Assert.Single(await AdminCalls.AuditOfAsync(api.Services, user.EndUserId, AuditActions.EndUserDeleted));
        Assert.True((await AdminCalls.EndUserAsync(api.Services, user.EndUserId)).Deleted);
    }

    [Fact]
    [Trait("ASVS", "2.5.6")]
    public async Task Fifty_parallel_uses_of_one_set_password_link_set_the_password_once()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();
        using var browser = new SsoDriver(api);
        var email = AdminCalls.NewEmail();
        var id = await admin.AddAsync(browser, world.Clients[0], email);
        var token = AdminCalls.SetPasswordTokenIn(Assert.Single(await Mailbox.WaitForAsync(api.Services, email, "set-password")));

        var answers = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(i =>
            browser.PostAsync("/api/portal/password/setup", new { token, newPassword = $"{Journeys.NewPassword}-{i:00}" })));

        var winner = Array.FindIndex(answers, a => a.Status == HttpStatusCode.NoContent);
        Assert.Single(answers, a => a.Status == HttpStatusCode.NoContent);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.NoContent), a => Assert.Contains("expired or has already been used", a.Detail));
        using var login = new SsoDriver(api);
        Assert.Equal(HttpStatusCode.BadRequest, (await login.LegacyLoginAsync(email, $"{Journeys.NewPassword}-{(winner + 1) % Parallel:00}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await login.LegacyLoginAsync(email, $"{Journeys.NewPassword}-{winner:00}")).Status);
        Assert.NotNull((await AdminCalls.EndUserAsync(api.Services, id)).LegacyPasswordHash);
    }
}
