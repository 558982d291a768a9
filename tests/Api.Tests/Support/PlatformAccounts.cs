using Api.Data;
using Api.Shared;
using Api.Portal;
using Api.Sso.Accounts;
using Api.Sso.Login;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Support;

/// <summary>
/// SSO accounts no partner created: a platform operator, another partner's staff, another
/// product's user, an account with no role at all. Each is activated and enrolled, with a password
/// and a TOTP secret, so a test can sign in as its owner.
/// </summary>
public static class PlatformAccounts
{
    /// <param name="roles">Product roles the account holds (e.g. <see cref="ProductRoles.PlatformOperator"/>, <see cref="ProductRoles.RmmTechnician"/>).</param>
    /// <param name="staffOf">Makes the account a partner admin of this partner.</param>
    public static async Task<TestUser> CreateAsync(IServiceProvider services, string kind, string[]? roles = null, Guid? staffOf = null)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var users = provider.GetRequiredService<UserManager<SsoAccount>>();
        var tag = Guid.NewGuid().ToString("N")[..10];
        var secret = TotpVerifier.NewSecret();
        var account = new SsoAccount
        {
            UserName = $"{kind}-{tag}@platform-tests.example",
            Email = $"{kind}-{tag}@platform-tests.example",
            DisplayName = $"{kind} {tag}",
            EmailConfirmed = true,
            ProtectedTotpSecret = provider.GetRequiredService<IDataProtectionProvider>().CreateProtector("Sso.Totp.v1").Protect(secret),
            TotpEnrolledAt = DateTime.UtcNow,
        };
        var created = await users.CreateAsync(account, SsoUsers.DefaultPassword);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        var roleManager = provider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in roles ?? [])
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                await roleManager.CreateAsync(new IdentityRole(role));
            }

            Assert.True((await users.AddToRoleAsync(account, role)).Succeeded);
        }

        if (staffOf is { } partnerId)
        {
            var db = provider.GetRequiredService<AppDbContext>();
            db.PartnerStaff.Add(new PartnerStaff { PartnerId = partnerId, SsoAccountId = account.Id, Role = ProductRoles.PartnerAdmin });
            await db.SaveChangesAsync();
        }

        return new TestUser
        {
            Email = account.Email,
            Password = SsoUsers.DefaultPassword,
            DisplayName = account.DisplayName,
            EndUserId = Guid.Empty,
            AccountId = account.Id,
            TotpSecret = secret,
            ClientName = "",
            PartnerName = "",
        };
    }
}
