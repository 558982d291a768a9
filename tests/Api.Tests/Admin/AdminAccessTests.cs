using System.Net;
using Api.Shared;
using Api.Portal;
using Api.Tests.Sso;

namespace Api.Tests.Admin;

/// <summary>Who may call the lifecycle endpoints: own partner only (404 otherwise), managers for changes, MFA sessions only.</summary>
[Collection(SsoCollection.Name)]
public sealed class AdminAccessTests(SsoApiFactory api)
{
    /// <summary>Every lifecycle endpoint that names an end user, with a body where it needs one.</summary>
    private static IEnumerable<(HttpMethod Method, string Path, object? Body)> ActionsOn(Guid id, Guid clientId) =>
    [
        (HttpMethod.Put, $"/api/admin/end-users/{id}", new { name = "Someone Else", email = AdminCalls.NewEmail(), role = EndUserRoles.EndUser, clientId }),
        (HttpMethod.Post, $"/api/admin/end-users/{id}/disable", null),
        (HttpMethod.Post, $"/api/admin/end-users/{id}/enable", null),
        (HttpMethod.Delete, $"/api/admin/end-users/{id}", null),
        (HttpMethod.Post, $"/api/admin/end-users/{id}/resend-activation", null),
        (HttpMethod.Post, $"/api/admin/end-users/{id}/reset-mfa", null),
        (HttpMethod.Post, $"/api/admin/end-users/{id}/unlock", null),
    ];

    [Fact]
    [Trait("ASVS", "4.2.1")]
    public async Task Another_partners_end_users_and_clients_answer_404_on_every_endpoint_and_stay_unchanged()
    {
        var mine = await AdminWorld.CreateAsync(api.Services);
        var theirs = await AdminWorld.CreateAsync(api.Services);
        var admin = await mine.StaffAsync();
        var own = await mine.EndUserAsync(SsoUserState.MigratedPending);
        var foreign = await theirs.EndUserAsync(SsoUserState.MigratedPending);
        using var browser = new SsoDriver(api);

        foreach (var (method, path, body) in ActionsOn(foreign.EndUserId, theirs.Clients[0].Id))
        {
            var answer = await admin.SendAsync(browser, method, path, body);
            Assert.True(answer.Status == HttpStatusCode.NotFound && answer.IsProblem, $"{method} {path}: {answer}");
        }

        var addThere = await admin.PostAsync(browser, "/api/admin/end-users", new { clientId = theirs.Clients[0].Id, name = "Intruder", email = AdminCalls.NewEmail(), role = EndUserRoles.EndUser });
        var moveThere = await admin.SendAsync(browser, HttpMethod.Put, $"/api/admin/end-users/{own.EndUserId}",
            new { name = own.DisplayName, email = own.Email, role = EndUserRoles.EndUser, clientId = theirs.Clients[0].Id });
        Assert.Equal(HttpStatusCode.NotFound, addThere.Status);
        Assert.Equal(HttpStatusCode.NotFound, moveThere.Status);

        var untouched = await AdminCalls.EndUserAsync(api.Services, foreign.EndUserId);
        Assert.True(untouched is { Enabled: true, Deleted: false });
        Assert.Equal(foreign.Email, untouched.Email);
        Assert.Empty(await AdminCalls.AuditOfAsync(api.Services, foreign.EndUserId));
        Assert.Empty(await Mailbox.MessagesAsync(api.Services, foreign.Email));
        Assert.Equal(mine.Clients[0].Id, (await AdminCalls.EndUserAsync(api.Services, own.EndUserId)).ClientId);
    }

    [Fact]
    [Trait("ASVS", "4.2.1")]
    public async Task A_platform_operator_acts_on_any_partners_end_users()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var user = await world.EndUserAsync(SsoUserState.Legacy);
        var operatorLogin = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);

        Assert.Equal(HttpStatusCode.NoContent, (await operatorLogin.PostAsync(browser, $"/api/admin/end-users/{user.EndUserId}/disable")).Status);

        Assert.False((await AdminCalls.EndUserAsync(api.Services, user.EndUserId)).Enabled);
    }

    [Fact]
    [Trait("ASVS", "4.1.3")]
    public async Task A_technician_may_resend_and_unlock_but_not_change_users()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var technician = await world.StaffAsync(ProductRoles.PartnerTechnician);
        var user = await world.EndUserAsync(SsoUserState.MigratedPending);
        using var browser = new SsoDriver(api);

        var add = await technician.PostAsync(browser, "/api/admin/end-users", new { clientId = world.Clients[0].Id, name = "Nope", email = AdminCalls.NewEmail(), role = EndUserRoles.EndUser });
        Assert.Equal(HttpStatusCode.Forbidden, add.Status);
        Assert.EndsWith("admin-only", add.Type);
        foreach (var (method, path, body) in ActionsOn(user.EndUserId, world.Clients[0].Id))
        {
            var answer = await technician.SendAsync(browser, method, path, body);
            var allowed = path.EndsWith("/resend-activation", StringComparison.Ordinal) || path.EndsWith("/unlock", StringComparison.Ordinal);
            Assert.True(allowed ? (int)answer.Status is >= 200 and < 300 : answer.Status == HttpStatusCode.Forbidden, $"{method} {path}: {answer}");
        }

        var row = await AdminCalls.EndUserAsync(api.Services, user.EndUserId);
        Assert.True(row is { Enabled: true, Deleted: false });
        Assert.Equal(user.Email, row.Email);
    }

    [Fact]
    [Trait("ASVS", "4.3.1")]
    public async Task A_staff_session_without_mfa_is_refused_on_every_endpoint()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var passwordOnly = await world.StaffAsync(mfa: false);
        var user = await world.EndUserAsync(SsoUserState.Legacy);
        using var browser = new SsoDriver(api);
        var everything = ActionsOn(user.EndUserId, world.Clients[0].Id).Concat(
        [
            (HttpMethod.Post, "/api/admin/end-users", new { clientId = world.Clients[0].Id, name = "X Y", email = AdminCalls.NewEmail(), role = EndUserRoles.EndUser }),
            (HttpMethod.Post, "/api/admin/end-users/bulk", new { action = "disable", ids = new[] { user.EndUserId } }),
            (HttpMethod.Get, "/api/admin/audit", null),
            (HttpMethod.Get, "/api/admin/audit/export.csv", null),
        ]);

        foreach (var (method, path, body) in everything)
        {
            var answer = await passwordOnly.SendAsync(browser, method, path, body);
            Assert.True(answer.Status == HttpStatusCode.Forbidden && answer.IsProblem, $"{method} {path}: {answer}");
        }

        Assert.True((await AdminCalls.EndUserAsync(api.Services, user.EndUserId)).Enabled);
        Assert.Empty(await AdminCalls.AuditOfAsync(api.Services, user.EndUserId));
    }

    [Fact]
    [Trait("ASVS", "4.1.1")]
    public async Task An_end_users_own_mfa_session_is_not_staff()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var user = await world.EndUserAsync(SsoUserState.Enrolled);
        var victim = await world.EndUserAsync(SsoUserState.Legacy);
        using var browser = new SsoDriver(api);
        var access = (await browser.SignInAsync(user)).AccessToken!;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/admin/end-users/{victim.EndUserId}/disable");
        request.Headers.Authorization = new("Bearer", access);

        var answer = await SsoResponse.ReadAsync(await browser.Http.SendAsync(request));

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal(Api.Admin.Staff.StaffRequirement.Refusal, answer.Detail);
        Assert.True((await AdminCalls.EndUserAsync(api.Services, victim.EndUserId)).Enabled);
    }
}
