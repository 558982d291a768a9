using Api.Data;
using Api.Portal;
using Api.Sso.Accounts;
using Api.Sso.Login;
using Api.SsoMigration;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Support;

/// <summary>Creates fresh users directly through the Api's own services, in the state a test needs.</summary>
public static class SsoUsers
{
    public const string DefaultPassword = "Correct-Horse-Battery-9";

    /// <param name="clientId">The client the end user belongs to; by default a new partner with one new client.</param>
    public static async Task<TestUser> CreateAsync(
        IServiceProvider services, SsoUserState state, string password = DefaultPassword, bool enabled = true, Guid? clientId = null)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<AppDbContext>();
        var tag = Guid.NewGuid().ToString("N")[..12];
        var client = clientId is { } id
            ? await db.Clients.Include(c => c.Partner).SingleAsync(c => c.Id == id)
            : new Client { Name = $"Client {tag}", Partner = new Partner { Name = $"Partner {tag}" } };
        var partner = client.Partner!;
        var endUser = new EndUser
        {
            Email = $"user-{tag}@sso-tests.example",
            DisplayName = $"Test User {tag}",
            Client = client,
            Enabled = enabled,
            LegacyPasswordHash = LegacyPasswordHash.Create(password),
        };
        db.Add(endUser);
        await db.SaveChangesAsync();

        string? accountId = null;
        string? secret = null;
        if (state != SsoUserState.Legacy)
        {
            await provider.GetRequiredService<EndUserMigrator>().MigrateAsync(endUser.Id);
            var users = provider.GetRequiredService<UserManager<SsoAccount>>();
            var account = (await users.FindByEmailAsync(endUser.Email))!;
            accountId = account.Id;
            if (state is SsoUserState.Activated or SsoUserState.Enrolled)
            {
                account.EmailConfirmed = true;
            }

            if (state == SsoUserState.Enrolled)
            {
                secret = TotpVerifier.NewSecret();
                account.ProtectedTotpSecret = provider.GetRequiredService<IDataProtectionProvider>().CreateProtector("Sso.Totp.v1").Protect(secret);
                account.TotpEnrolledAt = DateTime.UtcNow;
            }

            var updated = await users.UpdateAsync(account);
            Assert.True(updated.Succeeded, string.Join(" ", updated.Errors.Select(e => e.Description)));
        }

        return new TestUser
        {
            Email = endUser.Email,
            Password = password,
            DisplayName = endUser.DisplayName,
            EndUserId = endUser.Id,
            AccountId = accountId,
            TotpSecret = secret,
            ClientName = client.Name,
            PartnerName = partner.Name,
        };
    }

    /// <summary>An e-mail nobody registered.</summary>
    public static string UnknownEmail() => $"nobody-{Guid.NewGuid():N}@sso-tests.example";
}
