using System.Net;

namespace Api.Tests.Sso;

/// <summary>A recovery code stands in for a TOTP code, each one once.</summary>
[Collection(SsoCollection.Name)]
public sealed class RecoveryCodeTests(SsoApiFactory api)
{
    [Fact]
    [Trait("ASVS", "2.6.1")]
    public async Task A_recovery_code_works_once_instead_of_a_totp_code()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Activated);
        string[] recoveryCodes;
        using (var enrol = new SsoDriver(api))
        {
            await enrol.StartAsync(user.Email);
            await enrol.PasswordAsync(user.Password);
            var manualKey = (await enrol.EnrollmentAsync()).String("manualKey")!;
            user.TotpSecret = manualKey.Replace(" ", "", StringComparison.Ordinal);
            Totp.AvoidStepBoundary();
            user.MarkUsed(DateTime.UtcNow);
            recoveryCodes = (await enrol.ConfirmEnrollmentAsync(user.Code())).RecoveryCodes;
            Assert.Equal(10, recoveryCodes.Length);
        }

        using var first = new SsoDriver(api);
        await first.BeginSignInAsync();
        await first.LoginToMfaAsync(user);
        var used = await first.RecoveryCodeAsync(recoveryCodes[0]);
        Assert.Equal("done", used.Step);
        var tokens = await first.FinishSignInAsync(used);
        Assert.Equal(HttpStatusCode.OK, (await first.GetMeAsync(tokens.AccessToken)).Status);

        using var second = new SsoDriver(api);
        await second.LoginToMfaAsync(user);
        var reused = await second.RecoveryCodeAsync(recoveryCodes[0]);
        Assert.Equal(HttpStatusCode.BadRequest, reused.Status);
        Assert.Equal("The code is incorrect or has expired.", reused.Detail);

        // Another of the ten still works.
        Assert.Equal("done", (await second.RecoveryCodeAsync(recoveryCodes[1].ToUpperInvariant())).Step);
    }
}
