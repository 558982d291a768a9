using System.Net;
using System.Security.Cryptography;
using System.Text;
using Api.Data;
using Api.Sso.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Api.Tests.Sso;

/// <summary>Recovery codes are stored keyed with a server secret (HMAC), never as a bare hash, and still work once.</summary>
[Collection(SsoCollection.Name)]
public sealed class RecoveryCodeStorageTests(SsoApiFactory api)
{
    [Fact]
    [Trait("ASVS", "2.6.2")]
    public async Task Stored_recovery_codes_are_not_their_sha256_and_each_code_still_works_once()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Activated);
        var codes = await EnrolAsync(user);

        var stored = await StoredHashesAsync(user.AccountId!);

        Assert.Equal(10, stored.Count);
        Assert.All(codes, code =>
        {
            Assert.DoesNotContain(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code))), stored);
            Assert.DoesNotContain(code, stored);
        });
        using var first = new SsoDriver(api);
        await first.LoginToMfaAsync(user);
        Assert.Equal("done", (await first.RecoveryCodeAsync(codes[3])).Step);
        using var second = new SsoDriver(api);
        await second.LoginToMfaAsync(user);
        var again = await second.RecoveryCodeAsync(codes[3]);
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Equal("The code is incorrect or has expired.", again.Detail);
    }

    [Fact]
    [Trait("ASVS", "2.6.3")]
    public async Task Outside_development_the_api_does_not_start_without_a_recovery_code_key()
    {
        await using var production = new KeylessProductionApiFactory();

        var failure = Assert.ThrowsAny<Exception>(() => production.Services);

        var validation = Assert.IsType<OptionsValidationException>(failure.GetBaseException());
        Assert.Contains("Identity:RecoveryCodeKey is not set", validation.Message);
    }

    private async Task<string[]> EnrolAsync(TestUser user)
    {
        using var browser = new SsoDriver(api);
        await browser.StartAsync(user.Email);
        Assert.Equal("enroll", (await browser.PasswordAsync(user.Password)).Step);
        user.TotpSecret = (await browser.EnrollmentAsync()).String("manualKey")!.Replace(" ", "", StringComparison.Ordinal);
        Totp.AvoidStepBoundary();
        var now = DateTime.UtcNow;
        var done = await browser.ConfirmEnrollmentAsync(Totp.CodeAt(user.TotpSecret, now));
        user.MarkUsed(now);
        Assert.Equal(10, done.RecoveryCodes.Length);
        return done.RecoveryCodes;
    }

    private async Task<List<string>> StoredHashesAsync(string accountId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Set<RecoveryCode>().Where(c => c.AccountId == accountId).Select(c => c.CodeHash).ToListAsync();
    }

    private sealed class KeylessProductionApiFactory : SsoApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:ApplySchemaOnStart", "true");
        }
    }
}
