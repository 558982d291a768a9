using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Api.Data;
using Api.Shared;
using Api.Mail;
using Api.Sso.Sessions;
using Api.Tests.Admin;
using Api.Tests.Security.Ownership;
using Api.Tests.Sso;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Sweeps;

/// <summary>
/// Generated from the OpenAPI document: every admin operation that takes an e-mail address (add,
/// edit, and any added later) is tried by a partner admin and by a technician with the address of
/// someone the partner does not own — a platform operator, another partner's admin, another
/// partner's end user, another product's user, an SSO account with no role — and then every
/// action a partner has on the row it got (reset MFA, unlock, resend, send reminder, disable, delete, bulk).
/// The account must come out exactly as it went in: same address, password, authenticator,
/// activation, roles and sessions; its owner still signs in; no row is linked to it; and no
/// row's mail log shows mail that was sent to that address for anyone else.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class ClaimSweep(SsoApiFactory api)
{
    private const string SecretSubject = "Sent to the victim for someone else";

    public static TheoryData<string, string, string> Claims()
    {
        var rows = new TheoryData<string, string, string>();
        foreach (var operation in OperationsTakingAnEmail())
        {
            foreach (var caller in new[] { ProductRoles.PartnerAdmin, ProductRoles.PartnerTechnician })
            {
                foreach (var victim in new[] { "platform-operator", "another-partners-admin", "another-partners-end-user", "rmm-only", "unlinked-account" })
                {
                    rows.Add(operation.Key, caller, victim);
                }
            }
        }

        return rows;
    }

    [Fact]
    public void Every_admin_operation_taking_an_email_is_swept()
    {
        // Add and edit today; a new one joins the theory by itself.
        Assert.Contains(OperationsTakingAnEmail(), o => o.Key == "POST /api/admin/end-users");
        Assert.Contains(OperationsTakingAnEmail(), o => o.Key == "PUT /api/admin/end-users/{id}");
    }

    [Theory]
    [MemberData(nameof(Claims))]
    [Trait("ASVS", "4.2.1")]
    [Trait("ASVS", "4.1.2")]
    public async Task A_typed_address_of_someone_else_never_links_changes_or_reveals_their_account(string operation, string callerRole, string victimKind)
    {
        var target = ApiDescription.Find(operation);
        var world = await AdminWorld.CreateAsync(api.Services);
        await AdminCalls.MigrateClientAsync(api.Services, world.Clients[0]);
        var caller = await world.StaffAsync(callerRole);
        var victim = await VictimAsync(victimKind);
        var (session, _) = await api.Services.GetRequiredService<SsoSessionStore>().CreateAsync(victim.AccountId!, ["pwd", "mfa", "otp"], legacy: false);
        await MailForSomeoneElseAsync(victim);
        var before = await AccountSnapshot.TakeAsync(api, victim.AccountId!);
        // Rows the edit can aim at: one on SSO (managed by the partner) and one on the portal's form.
        var onSso = await world.EndUserAsync(SsoUserState.Enrolled);
        var onForm = await world.EndUserAsync(SsoUserState.Legacy, client: world.Clients[1]);
        using var browser = new SsoDriver(api);

        var rows = new List<Guid>();
        foreach (var (row, client) in new[] { (onSso.EndUserId, world.Clients[0]), (onForm.EndUserId, world.Clients[1]) })
        {
            var answer = await CallAsync(browser, caller, target, row, client.Id, victim.Email);
            rows.Add(Guid.TryParse(answer.String("id"), out var created) ? created : row);
        }

        foreach (var row in rows.Distinct())
        {
            foreach (var action in new[] { "reset-mfa", "unlock", "resend-activation", "send-reminder", "disable", "enable" })
            {
                await caller.PostAsync(browser, $"/api/admin/end-users/{row}/{action}");
            }

            foreach (var bulk in new[] { "resend-activation", "send-reminder" })
            {
                await caller.PostAsync(browser, "/api/admin/end-users/bulk", new { action = bulk, ids = new[] { row } });
            }
            var details = await caller.GetAsync(browser, $"/api/admin/end-users/{row}");
            Assert.DoesNotContain(SecretSubject, details.Body);
            Assert.NotEqual(victim.AccountId, (await AdminCalls.EndUserAsync(api.Services, row)).SsoAccountId);
            await caller.SendAsync(browser, HttpMethod.Delete, $"/api/admin/end-users/{row}");
        }

        Assert.Equal(before, await AccountSnapshot.TakeAsync(api, victim.AccountId!));
        Assert.NotNull(await api.Services.GetRequiredService<SsoSessionStore>().FindAsync(session.Subject, session.Id));
        await AccountSnapshot.AssertOwnerSignsInAsync(api, victim);
    }

    private static IEnumerable<ApiOperation> OperationsTakingAnEmail() =>
        ApiDescription.Operations.Where(o =>
            o.Path.StartsWith("/api/admin/", StringComparison.Ordinal)
            && !o.Path.StartsWith("/api/admin/migration/", StringComparison.Ordinal)
            && (o.BodyProperties?.Keys.Any(k => k.Contains("email", StringComparison.OrdinalIgnoreCase)) ?? false));

    private async Task<TestUser> VictimAsync(string kind) => kind switch
    {
        "platform-operator" => await PlatformAccounts.CreateAsync(api.Services, kind, [ProductRoles.PlatformOperator]),
        "another-partners-admin" => await PlatformAccounts.CreateAsync(api.Services, kind, staffOf: (await AdminWorld.CreateAsync(api.Services)).Partner.Id),
        // Migrated by its own partner: an account that partner manages, never this one.
        "another-partners-end-user" => await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled),
        "rmm-only" => await PlatformAccounts.CreateAsync(api.Services, kind, [ProductRoles.RmmTechnician]),
        _ => await PlatformAccounts.CreateAsync(api.Services, kind),
    };

    /// <summary>A mail to the victim's address that no row of the attacker's partner was sent: it must never show in their mail log.</summary>
    private async Task MailForSomeoneElseAsync(TestUser victim)
    {
        await using var scope = api.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Outbox>().Enqueue("password-reset", victim.Email,
            MailTemplate.Compose(SecretSubject, victim.DisplayName, "A link.", null, null, "Footer."), new MailAbout(AccountId: victim.AccountId));
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
    }

    private static async Task<SsoResponse> CallAsync(SsoDriver browser, StaffLogin caller, ApiOperation target, Guid row, Guid clientId, string email)
    {
        var url = target.Url(p => p.Format == "uuid" ? row.ToString() : "");
        var body = new JsonObject();
        foreach (var (name, _) in target.BodyProperties!)
        {
            body[name] = name switch
            {
                "clientId" => clientId.ToString(),
                "ids" => new JsonArray(row.ToString()),
                "name" => "Claimed Person",
                "role" => "End User",
                _ when name.Contains("email", StringComparison.OrdinalIgnoreCase) => email,
                _ => null,
            };
        }

        using var request = caller.Request(new HttpMethod(target.Method), url);
        request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        return await SsoResponse.ReadAsync(await browser.Http.SendAsync(request));
    }
}
