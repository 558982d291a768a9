using System.Net;
using System.Text.Json.Nodes;
using Api.Data;
using Api.SsoMigration.Funnel;
using Api.Tests.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Migration.Funnel;

/// <summary>The funnel as the admin area reads it, and a moved user's first SSO sign-in as they take it.</summary>
internal static class FunnelCalls
{
    public const string Funnel = "/api/admin/migration/funnel";

    /// <summary>A funnel's numbers, by step: reached, percent, stopped here.</summary>
    public sealed record Counts(int Moved, Dictionary<string, (int Reached, int Percent, int StoppedHere)> Steps)
    {
        public int Reached(string step) => Steps[step].Reached;

        /// <summary>moved/activated/enrolled/signed-in/returned as one tuple, to compare at a glance.</summary>
        public (int, int, int, int, int) Row => (Reached("moved"), Reached("activated"), Reached("enrolled"), Reached("signed-in"), Reached("returned"));
    }

    public static async Task<SsoResponse> FunnelOfAsync(this StaffLogin staff, SsoDriver browser, Guid? batchId = null, Guid? clientId = null) =>
        await staff.GetAsync(browser, $"{Funnel}?{Scope(batchId, clientId)}");

    public static async Task<Counts> CountsAsync(this StaffLogin staff, SsoDriver browser, Guid? batchId = null, Guid? clientId = null)
    {
        var answer = await staff.FunnelOfAsync(browser, batchId, clientId);
        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        return CountsIn(answer.Json!.AsObject());
    }

    public static Counts CountsIn(JsonObject funnel) => new(
        funnel["moved"]!.GetValue<int>(),
        funnel["steps"]!.AsArray().ToDictionary(
            s => s!["step"]!.GetValue<string>(),
            s => (s!["reached"]!.GetValue<int>(), s["percent"]!.GetValue<int>(), s["stoppedHere"]!.GetValue<int>())));

    /// <summary>The e-mails of the people at one step (one page of 200).</summary>
    public static async Task<List<string>> PeopleAtAsync(this StaffLogin staff, SsoDriver browser, string step, Guid? batchId = null, Guid? clientId = null)
    {
        var answer = await staff.GetAsync(browser, $"{Funnel}/people?step={step}&pageSize=200&{Scope(batchId, clientId)}");
        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        return [.. answer.Json!["items"]!.AsArray().Select(i => i!["email"]!.GetValue<string>()).Order(StringComparer.Ordinal)];
    }

    public static string Scope(Guid? batchId, Guid? clientId) =>
        string.Join('&', new[] { batchId is null ? null : $"batchId={batchId}", clientId is null ? null : $"clientId={clientId}" }.Where(p => p is not null));

    /// <summary>
    /// A moved user's first time with SSO, through the real screens: the portal's authorize, e-mail
    /// and password, the activation mail's link, then sign-in again, an authenticator, and the code
    /// the portal redeems. Returns the browser, signed in (its SSO session is the first one).
    /// </summary>
    public static async Task<SsoDriver> FirstSignInAsync(SsoApiFactory api, TestUser user)
    {
        var browser = new SsoDriver(api);
        await ActivateAsync(api, browser, user);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.BeginSignInAsync()).StatusCode);
        var done = await Journeys.EnrolAsync(browser, user);
        await browser.FinishSignInAsync(done);
        return browser;
    }

    /// <summary>E-mail, password, "activate": the link from the mail is opened.</summary>
    public static async Task ActivateAsync(SsoApiFactory api, SsoDriver browser, TestUser user)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await browser.BeginSignInAsync()).StatusCode);
        Assert.Equal("password", (await browser.StartAsync(user.Email)).Step);
        Assert.Equal("activate", (await browser.PasswordAsync(user.Password)).Step);
        var mails = await Mailbox.WaitForAsync(api.Services, user.Email, "activation");
        Assert.Equal(HttpStatusCode.OK, (await browser.ActivateAsync(Mailbox.TokenIn(mails[^1], "activate"))).Status);
    }

    /// <summary>Another sign-in to the portal, in a new browser (a new SSO session), with the user's authenticator.</summary>
    public static async Task SignInAgainAsync(SsoApiFactory api, TestUser user)
    {
        using var browser = new SsoDriver(api);
        Assert.NotNull((await browser.SignInAsync(user)).AccessToken);
    }

    /// <summary>The milestones written for one end user, by step.</summary>
    public static async Task<List<FunnelMilestone>> MilestonesOfAsync(IServiceProvider services, Guid endUserId)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().FunnelMilestones.AsNoTracking()
            .Where(m => m.EndUserId == endUserId).OrderBy(m => m.Step).ToListAsync();
    }

    /// <summary>
    /// Another portal user's account (managed by this partner) takes a user's e-mail, so the
    /// migrator refuses to merge them: the user fails in the run until the address is given back.
    /// </summary>
    public static async Task BlockEmailAsync(IServiceProvider services, string holderAccountId, string email, Guid partnerId)
    {
        await ChangeAccountEmailAsync(services, holderAccountId, email);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users
            .Where(a => a.Id == holderAccountId)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.ManagedBy, Api.Portal.PartnerSteward.Of(partnerId)));
    }

    public static async Task ChangeAccountEmailAsync(IServiceProvider services, string accountId, string email)
    {
        await using var scope = services.CreateAsyncScope();
        Assert.Equal(Api.Sso.Accounts.EmailChange.Changed,
            await scope.ServiceProvider.GetRequiredService<Api.Sso.Accounts.AccountAdministration>().ChangeEmailAsync(accountId, email));
    }
}
