using System.Net;

namespace Api.Tests.Sso;

/// <summary>Setting up an authenticator: QR code and key, one confirming code, ten recovery codes.</summary>
[Collection(SsoCollection.Name)]
public sealed class EnrolmentTests(SsoApiFactory api)
{
    [Fact]
    public async Task Enrolment_shows_a_qr_code_and_key_and_a_correct_code_gives_ten_recovery_codes()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Activated);
        using var browser = new SsoDriver(api);
        await browser.BeginSignInAsync();
        await browser.StartAsync(user.Email);
        Assert.Equal("enroll", (await browser.PasswordAsync(user.Password)).Step);

        var enrollment = await browser.EnrollmentAsync();

        Assert.Equal(HttpStatusCode.OK, enrollment.Status);
        var qr = enrollment.String("qrCodeDataUri")!;
        Assert.StartsWith("data:image/png;base64,", qr);
        var png = Convert.FromBase64String(qr["data:image/png;base64,".Length..]);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        var manualKey = enrollment.String("manualKey")!;
        Assert.Matches("^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$", manualKey);
        Assert.Equal(user.Email, enrollment.String("accountName"));
        Assert.False(string.IsNullOrWhiteSpace(enrollment.String("issuer")));

        // The user types the key into an authenticator app and confirms one code.
        Totp.AvoidStepBoundary();
        var done = await browser.ConfirmEnrollmentAsync(Totp.CodeAt(manualKey, DateTime.UtcNow));

        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Equal("done", done.Step);
        Assert.Equal(10, done.RecoveryCodes.Length);
        Assert.Equal(10, done.RecoveryCodes.Distinct().Count());
        Assert.Contains(done.SetCookies, c => c.StartsWith("__Host-sso=", StringComparison.Ordinal));
        var tokens = await browser.FinishSignInAsync(done);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetMeAsync(tokens.AccessToken)).Status);
    }

    [Fact]
    public async Task A_wrong_enrolment_code_is_refused_and_enrols_nothing()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Activated);
        using var browser = new SsoDriver(api);
        await browser.StartAsync(user.Email);
        await browser.PasswordAsync(user.Password);
        var manualKey = (await browser.EnrollmentAsync()).String("manualKey")!;

        var answer = await browser.ConfirmEnrollmentAsync(Totp.CodeAt(manualKey, DateTime.UtcNow.AddMinutes(-5)));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Empty(answer.RecoveryCodes);
        using var again = new SsoDriver(api);
        await again.StartAsync(user.Email);
        Assert.Equal("enroll", (await again.PasswordAsync(user.Password)).Step);
    }
}
