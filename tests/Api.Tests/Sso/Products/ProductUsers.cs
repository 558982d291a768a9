using Api.Shared;
using Api.Sso.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Sso.Products;

public static class ProductUsers
{
    /// <summary>An enrolled end user (the portal gives portal-end-user) who also holds these roles in other products.</summary>
    public static async Task<TestUser> WithRolesAsync(IServiceProvider services, params string[] roles)
    {
        var user = await SsoUsers.CreateAsync(services, SsoUserState.Enrolled);
        await using var scope = services.CreateAsyncScope();
        var roleManager = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SsoAccount>>();
        foreach (var role in roles)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                await roleManager.CreateAsync(new IdentityRole(role));
            }
        }

        var added = await users.AddToRolesAsync((await users.FindByIdAsync(user.AccountId!))!, roles);
        Assert.True(added.Succeeded, string.Join(" ", added.Errors.Select(e => e.Description)));
        return user;
    }

    public static Task<TestUser> RmmTechnicianAsync(IServiceProvider services) =>
        WithRolesAsync(services, ProductRoles.RmmTechnician, "other-user");
}
