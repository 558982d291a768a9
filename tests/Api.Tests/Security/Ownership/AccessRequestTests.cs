using System.Net;
using System.Net.Http.Json;
using Api.Audit;
using Api.Shared;
using Api.Portal.AccessRequests;
using Api.Sso.Accounts;
using Api.Tests.Admin;
using Api.Tests.Sso;

namespace Api.Tests.Security.Ownership;

/// <summary>
/// The owner's side of a typed address: a partner adds someone whose address already has an SSO
/// account; the owner is asked by e-mail and, signed in through SSO with their authenticator,
/// accepts (the row is linked, their other roles stay) or declines (the partner is told). Until
/// then the row grants nothing. The link is single-use under fifty parallel answers.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class AccessRequestTests(SsoApiFactory api)
{
    [Fact]
    [Trait("ASVS", "4.2.1")]
    public async Task The_owner_signs_in_accepts_and_reaches_the_portal_keeping_the_other_products_role()
    {
        var (world, admin, owner, id) = await RequestAsync();
        using var browser = new SsoDriver(api);
        var token = await AccessRequestLinks.LatestTokenAsync(api.Services, owner.Email);
        var row = await AdminCalls.EndUserAsync(api.Services, id);
        Assert.True(row.AwaitsAccountOwner);
        Assert.False(row.MigratedToSso);
        var listed = await admin.GetAsync(browser, $"/api/admin/end-users/{id}");
        Assert.Equal("waiting", listed.Json!["user"]!["accessRequest"]!.GetValue<string>());

        var described = await browser.PostAsync("/api/access-requests/describe", new { token });
        var signedIn = await browser.SignInAsync(owner);
        var before = await browser.GetMeAsync(signedIn.AccessToken);
        var accepted = await AnswerAsync(browser, "accept", token, signedIn.AccessToken);
        var after = await browser.GetMeAsync(signedIn.AccessToken);

        Assert.Equal(HttpStatusCode.OK, described.Status);
        Assert.Equal((world.Partner.Name, world.Clients[0].Name, owner.Email), (described.String("partnerName"), described.String("clientName"), described.String("email")));
        Assert.Equal(HttpStatusCode.Forbidden, before.Status);
        Assert.Equal(HttpStatusCode.NoContent, accepted.Status);
        Assert.Equal(HttpStatusCode.OK, after.Status);
        row = await AdminCalls.EndUserAsync(api.Services, id);
        Assert.Equal((true, owner.AccountId, false), (row.MigratedToSso, row.SsoAccountId, row.AwaitsAccountOwner));
        Assert.Equal($"{ProductRoles.PortalEndUser},{ProductRoles.RmmTechnician}", (await AccountSnapshot.TakeAsync(api, owner.AccountId!)).Roles);
        Assert.Single(await AdminCalls.AuditOfAsync(api.Services, id, AuditActions.AccessAccepted), e => e.ActorId == owner.AccountId);
        // Linked with consent, the account is still its owner's: the partner manages only portal access.
        var reset = await admin.PostAsync(browser, $"/api/admin/end-users/{id}/reset-mfa");
        Assert.Equal(HttpStatusCode.Forbidden, reset.Status);
        Assert.Contains("only they can reset their authenticator", reset.Detail);
    }

    [Fact]
    [Trait("ASVS", "4.2.1")]
    public async Task Someone_else_signed_in_cannot_accept_and_the_owners_link_keeps_working()
    {
        var (world, _, owner, id) = await RequestAsync();
        var token = await AccessRequestLinks.LatestTokenAsync(api.Services, owner.Email);
        var stranger = await world.EndUserAsync();
        using var strangersBrowser = new SsoDriver(api);
        var strangersLogin = await strangersBrowser.SignInAsync(stranger);

        var refused = await AnswerAsync(strangersBrowser, "accept", token, strangersLogin.AccessToken);
        var anonymous = await AnswerAsync(strangersBrowser, "accept", token, accessToken: null);
        using var ownersBrowser = new SsoDriver(api);
        var accepted = await AnswerAsync(ownersBrowser, "accept", token, (await ownersBrowser.SignInAsync(owner)).AccessToken);

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("another single sign-on account", refused.Detail);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.Equal(HttpStatusCode.NoContent, accepted.Status);
        Assert.Equal(owner.AccountId, (await AdminCalls.EndUserAsync(api.Services, id)).SsoAccountId);
    }

    [Fact]
    [Trait("ASVS", "4.2.1")]
    public async Task This_was_not_me_declines_tells_the_partners_admins_and_the_link_is_dead()
    {
        var (world, admin, owner, id) = await RequestAsync();
        var token = await AccessRequestLinks.LatestTokenAsync(api.Services, owner.Email);
        using var browser = new SsoDriver(api);

        var declined = await browser.PostAsync("/api/access-requests/decline", new { token, notMe = true });
        var acceptedAfter = await AnswerAsync(browser, "accept", token, (await browser.SignInAsync(owner)).AccessToken);

        Assert.Equal(HttpStatusCode.NoContent, declined.Status);
        Assert.Equal(HttpStatusCode.BadRequest, acceptedAfter.Status);
        var row = await AdminCalls.EndUserAsync(api.Services, id);
        Assert.Equal((false, (string?)null), (row.MigratedToSso, row.SsoAccountId));
        Assert.NotNull(row.AccessDeclinedAt);
        var told = Assert.Single(await Mailbox.WaitForAsync(api.Services, admin.Email, AccessRequestEmails.DeclinedKind));
        Assert.Contains("do not know your organisation", told.TextBody);
        Assert.Single(await AdminCalls.AuditOfAsync(api.Services, id, AuditActions.AccessDeclined));
        var details = await admin.GetAsync(browser, $"/api/admin/end-users/{id}");
        Assert.Equal("declined", details.Json!["user"]!["accessRequest"]!.GetValue<string>());
        Assert.Equal(ProductRoles.RmmTechnician, (await AccountSnapshot.TakeAsync(api, owner.AccountId!)).Roles);
        Assert.NotEqual(Guid.Empty, world.Partner.Id);
    }

    [Fact]
    [Trait("ASVS", "4.2.1")]
    public async Task Fifty_parallel_accepts_of_one_request_link_once_and_audit_once()
    {
        var (_, _, owner, id) = await RequestAsync();
        var token = await AccessRequestLinks.LatestTokenAsync(api.Services, owner.Email);
        using var browser = new SsoDriver(api);
        var accessToken = (await browser.SignInAsync(owner)).AccessToken;

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => AnswerAsync(browser, "accept", token, accessToken)));
        var declines = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => browser.PostAsync("/api/access-requests/decline", new { token })));

        Assert.Single(answers, a => a.Status == HttpStatusCode.NoContent);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.NoContent), a => Assert.Equal(HttpStatusCode.BadRequest, a.Status));
        Assert.All(declines, d => Assert.Equal(HttpStatusCode.BadRequest, d.Status));
        Assert.Single(await AdminCalls.AuditOfAsync(api.Services, id, AuditActions.AccessAccepted));
        Assert.Empty(await AdminCalls.AuditOfAsync(api.Services, id, AuditActions.AccessDeclined));
        Assert.Equal(owner.AccountId, (await AdminCalls.EndUserAsync(api.Services, id)).SsoAccountId);
    }

    [Fact]
    [Trait("ASVS", "11.1.4")]
    public async Task Fifty_parallel_Ask_again_mail_the_owner_up_to_the_hourly_limit_and_only_the_newest_link_works()
    {
        var (_, admin, owner, id) = await RequestAsync();
        var first = await AccessRequestLinks.LatestTokenAsync(api.Services, owner.Email);
        using var browser = new SsoDriver(api);

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            admin.PostAsync(browser, $"/api/admin/end-users/{id}/resend-activation")));

        // The request made when the row was added counts: five an hour in all, whoever clicks.
        var asked = AccountAdministration.ActivationMailsPerHour - 1;
        Assert.Equal(asked, answers.Count(a => a.Status == HttpStatusCode.Accepted));
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Accepted), a =>
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, a.Status);
            Assert.False(string.IsNullOrWhiteSpace(a.Detail));
        });
        Assert.Equal(AccountAdministration.ActivationMailsPerHour, (await Mailbox.MessagesAsync(api.Services, owner.Email, AccessRequestEmails.RequestKind)).Count);
        var newest = await AccessRequestLinks.LatestTokenAsync(api.Services, owner.Email);
        var ownersLogin = await browser.SignInAsync(owner);
        Assert.Equal(HttpStatusCode.BadRequest, (await AnswerAsync(browser, "accept", first, ownersLogin.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await AnswerAsync(browser, "accept", newest, ownersLogin.AccessToken)).Status);
        Assert.Equal(owner.AccountId, (await AdminCalls.EndUserAsync(api.Services, id)).SsoAccountId);
    }

    /// <summary>A partner (with an admin) adds an end user with the address of an RMM-only account; the request is mailed.</summary>
    private async Task<(AdminWorld World, StaffLogin Admin, TestUser Owner, Guid Id)> RequestAsync()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        await AdminCalls.MigrateClientAsync(api.Services, world.Clients[0]);
        var admin = await world.StaffAsync();
        var owner = await PlatformAccounts.CreateAsync(api.Services, "rmm", [ProductRoles.RmmTechnician]);
        using var browser = new SsoDriver(api);
        var added = await admin.PostAsync(browser, "/api/admin/end-users",
            new { clientId = world.Clients[0].Id, name = "Rita", email = owner.Email, role = "End User" });
        Assert.Equal(HttpStatusCode.Created, added.Status);
        Assert.True(added.Json!["awaitingAccountOwner"]!.GetValue<bool>());
        return (world, admin, owner, Guid.Parse(added.String("id")!));
    }

    private static Task<SsoResponse> AnswerAsync(SsoDriver browser, string answer, string token, string? accessToken) =>
        browser.SendAsync(HttpMethod.Post, $"/api/access-requests/{answer}", accessToken, JsonContent.Create(new { token }));
}
