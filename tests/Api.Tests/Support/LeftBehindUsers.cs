using Api.Data;
using Api.Portal;
using Api.Shared;
using Api.Sso.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Support;

/// <summary>
/// Legacy end users a migration run would not move, each for one reason, made as the data would
/// leave them (an import's address, another product's account): what readiness, notices and
/// Manage Users' migration states are tested on.
/// </summary>
public static class LeftBehindUsers
{
    /// <summary>An end user stored with exactly this e-mail (as an import might have left it), on the legacy login.</summary>
    public static async Task<Guid> AddLegacyAsync(IServiceProvider services, Client client, string email, string? name = null)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = new EndUser { ClientId = client.Id, Email = email, DisplayName = name ?? "Imported " + email, LegacyPasswordHash = LegacyPasswordHash.Create(SsoUsers.DefaultPassword) };
        db.EndUsers.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    /// <summary>A legacy end user with no usable address (a reserved .invalid placeholder).</summary>
    public static Task<Guid> WithoutEmailAsync(IServiceProvider services, Client client) =>
        AddLegacyAsync(services, client, $"someone-{Guid.NewGuid():N}@example.invalid", "No Address");

    /// <summary>Two legacy end users with one address in two spellings: the canonical one moves, the other is skipped. Returns (canonical, variant).</summary>
    public static async Task<(Guid Canonical, Guid Variant)> TwinsAsync(IServiceProvider services, Client canonicalClient, Client variantClient)
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        return (await AddLegacyAsync(services, canonicalClient, $"twin-{tag}@example.test", "Twin Canonical"),
            await AddLegacyAsync(services, variantClient, $"Twin-{tag}@Example.test", "Twin Variant"));
    }

    /// <summary>
    /// A legacy end user whose e-mail already has an SSO account from another product (the RMM
    /// console): someone else's (its owner is asked) unless <paramref name="managedBy"/> is the partner's steward (linked).
    /// </summary>
    public static async Task<TestUser> WithAccountElsewhereAsync(IServiceProvider services, Client client, string? managedBy = null)
    {
        var user = await SsoUsers.CreateAsync(services, SsoUserState.Legacy, clientId: client.Id);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SsoAccount>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var account = new SsoAccount { UserName = user.Email, Email = user.Email, DisplayName = user.DisplayName, EmailConfirmed = true, ManagedBy = managedBy };
        Assert.True((await users.CreateAsync(account, SsoUsers.DefaultPassword)).Succeeded);
        if (!await roles.RoleExistsAsync(ProductRoles.RmmTechnician))
        {
            await roles.CreateAsync(new IdentityRole(ProductRoles.RmmTechnician));
        }

        Assert.True((await users.AddToRoleAsync(account, ProductRoles.RmmTechnician)).Succeeded);
        return user;
    }

    /// <summary>
    /// Makes the run fail <paramref name="user"/>: another portal user's SSO account, one this
    /// partner manages, takes the same address (the two records drifted apart), so linking would let
    /// one sign in as the other. Returns that account, for <see cref="UnblockAsync"/>.
    /// </summary>
    public static async Task<TestUser> BlockWithAccountOfAnotherUserAsync(IServiceProvider services, Guid partnerId, TestUser user)
    {
        var holder = await SsoUsers.CreateAsync(services, SsoUserState.MigratedPending);
        await ChangeAccountEmailAsync(services, holder.AccountId!, user.Email);
        await using var scope = services.CreateAsyncScope();
        var manager = PartnerSteward.Of(partnerId);
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users
            .Where(a => a.Id == holder.AccountId)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.ManagedBy, manager));
        return holder;
    }

    /// <summary>The cause fixed: the other account gets its own address back.</summary>
    public static Task UnblockAsync(IServiceProvider services, TestUser holder) => ChangeAccountEmailAsync(services, holder.AccountId!, holder.Email);

    private static async Task ChangeAccountEmailAsync(IServiceProvider services, string accountId, string email)
    {
        await using var scope = services.CreateAsyncScope();
        Assert.Equal(EmailChange.Changed, await scope.ServiceProvider.GetRequiredService<AccountAdministration>().ChangeEmailAsync(accountId, email));
    }
}
