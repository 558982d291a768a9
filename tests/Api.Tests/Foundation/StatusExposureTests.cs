using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Api.Admin.Staff;
using Api.Hosting;
using Api.Shared;
using Api.Sso.Sessions;
using Api.Status;
using Api.Tests.Admin;
using Api.Tests.Sso;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Foundation;

/// <summary>Anonymous status says only "up"; what the system is made of is for platform operators.</summary>
[Collection(SsoCollection.Name)]
public sealed class StatusExposureTests(SsoApiFactory api)
{
    [Fact]
    [Trait("ASVS", "14.3.3")]
    public async Task Anonymous_status_answers_only_that_the_service_is_up()
    {
        using var browser = new SsoDriver(api);

        var answer = await SsoResponse.ReadAsync(await browser.Http.GetAsync("/api/status"));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("""{"status":"up"}""", answer.Json!.ToJsonString());
        Assert.DoesNotContain("SQLite", answer.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Redis", answer.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    [Trait("ASVS", "4.1.3")]
    public async Task The_system_facts_are_refused_to_anyone_but_an_operator_with_mfa()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        var endUser = await browser.SignInAsync(user);
        var operatorWithoutMfa = await AdminWorld.OperatorAsync(api.Services, mfa: false);
        var partnerAdmin = await (await AdminWorld.CreateAsync(api.Services)).StaffAsync();

        var anonymous = await GetSystemStatusAsync(browser, null);
        var signedInUser = await GetSystemStatusAsync(browser, endUser.AccessToken);
        var noMfa = await GetSystemStatusAsync(browser, operatorWithoutMfa.Token);
        var partnerStaff = await GetSystemStatusAsync(browser, partnerAdmin.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.Equal(HttpStatusCode.Forbidden, signedInUser.Status);
        Assert.Equal(HttpStatusCode.Forbidden, noMfa.Status);
        Assert.Equal(MfaSessionRequirement.Refusal, noMfa.Detail);
        Assert.Equal(HttpStatusCode.Forbidden, partnerStaff.Status);
        Assert.Equal(OperatorRequirement.Refusal, partnerStaff.Detail);
        Assert.All([anonymous, signedInUser, noMfa, partnerStaff], answer => Assert.DoesNotContain("SQLite", answer.Body));
    }

    [Fact]
    [Trait("ASVS", "4.1.3")]
    public async Task An_operator_role_without_an_account_in_good_standing_is_refused()
    {
        using var browser = new SsoDriver(api);

        // The role as a token would carry it, with a live MFA session, but no SSO account behind it.
        var answer = await GetSystemStatusAsync(browser, await OperatorTokenAsync(["pwd", "mfa"]));

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal(StaffRequirement.Refusal, answer.Detail);
        Assert.DoesNotContain("SQLite", answer.Body);
    }

    [Fact]
    [Trait("ASVS", "4.1.3")]
    public async Task An_operator_with_mfa_sees_engines_counts_and_visits()
    {
        using var browser = new SsoDriver(api);
        await browser.Http.GetAsync("/api/status");

        var answer = await GetSystemStatusAsync(browser, (await AdminWorld.OperatorAsync(api.Services)).Token);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var facts = System.Text.Json.JsonSerializer.Deserialize<SystemStatus>(answer.Body, System.Text.Json.JsonSerializerOptions.Web)!;
        Assert.Equal("SQLite", facts.Database);
        Assert.True(facts.Partners >= 2, "development seed data should be in SQL");
        Assert.NotEqual("none", facts.SchemaVersion);
        Assert.True(facts.Visits >= 1, "each look at /api/status counts a visit in the cache");
    }

    private static Task<SsoResponse> GetSystemStatusAsync(SsoDriver browser, string? token) =>
        browser.SendAsync(HttpMethod.Get, "/api/admin/status", token);

    /// <summary>A token as the provider would issue one to an operator, with a live session, for a subject that has no SSO account.</summary>
    private async Task<string> OperatorTokenAsync(string[] amr)
    {
        var subject = $"operator-{Guid.NewGuid():N}";
        var (session, _) = await api.Services.GetRequiredService<SsoSessionStore>().CreateAsync(subject, amr, legacy: false);
        Claim[] claims = [new("sub", subject), new("sid", session.Id), new("role", ProductRoles.PlatformOperator), .. amr.Select(a => new Claim("amr", a))];
        return TestTokens.Create(api.Services, claims, issuer: SsoApiFactory.Issuer);
    }
}
