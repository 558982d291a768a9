using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using OtpNet;
using QRCoder;

namespace Api.Sso.Login;

/// <summary>First sign-in without an authenticator: the secret to enrol, as a QR code and a manual key.</summary>
public static class GetEnrollment
{
    public const string AuthenticatorIssuer = "Platform SSO";

    public static async Task<Results<Ok<EnrollmentResponse>, ProblemHttpResult>> HandleAsync(HttpContext http, LoginServices s)
    {
        var (transaction, refusal) = await PendingEnrollment.FindAsync(http, s);
        if (transaction is null)
        {
            return refusal!;
        }

        var secret = s.TotpProtector.Unprotect(transaction.PendingTotpSecret!);
        var uri = new OtpUri(OtpType.Totp, secret, transaction.Email, AuthenticatorIssuer).ToString();
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);

        return TypedResults.Ok(new EnrollmentResponse(
            "data:image/png;base64," + Convert.ToBase64String(png),
            string.Join(' ', secret.Chunk(4).Select(chunk => new string(chunk))),
            transaction.Email,
            AuthenticatorIssuer));
    }
}
