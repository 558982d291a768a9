using Api.Sso.Accounts;
using Api.Tests.Sso;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Support;

/// <summary>
/// Everything about an SSO account that decides who can sign in with it: address, password,
/// authenticator, activation, disable/lock, roles, and how many sessions it has. Two snapshots
/// are equal when nothing an attacker could use has changed.
/// </summary>
public sealed record AccountSnapshot(
    string? Email,
    string? PasswordHash,
    string? SecurityStamp,
    string? TotpSecret,
    bool EmailConfirmed,
    DateTimeOffset? LockoutEnd,
    string Roles,
    long Sessions)
{
    public static async Task<AccountSnapshot> TakeAsync(SsoApiFactory api, string accountId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SsoAccount>>();
        var account = await users.FindByIdAsync(accountId);
        Assert.NotNull(account);
        var roles = string.Join(",", (await users.GetRolesAsync(account)).Order(StringComparer.Ordinal));
        return new AccountSnapshot(
            account.Email,
            account.PasswordHash,
            account.SecurityStamp,
            account.ProtectedTotpSecret,
            account.EmailConfirmed,
            account.LockoutEnd,
            roles,
            await Journeys.SessionCountAsync(api, accountId));
    }

    /// <summary>The owner still reaches the authenticator step with their own address and password.</summary>
    public static async Task AssertOwnerSignsInAsync(SsoApiFactory api, TestUser owner)
    {
        using var browser = new SsoDriver(api);
        await browser.LoginToMfaAsync(owner);
    }
}
