using System.Security.Cryptography;
using System.Text;
using OtpNet;
using StackExchange.Redis;

namespace Api.Sso.Login;

/// <summary>
/// TOTP codes (RFC 6238, 30-s steps, 6 digits): accepted within one step either side of now,
/// and each time step only once per account (the used step is remembered in Redis), unlike
/// ASP.NET Identity's built-in check, which accepts ±90 s and replays.
/// </summary>
public sealed class TotpVerifier(IConnectionMultiplexer redis, TimeProvider clock)
{
    public static string NewSecret() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));

    public async Task<bool> VerifyAsync(string accountKey, string base32Secret, string? code)
    {
        code = code?.Replace(" ", "", StringComparison.Ordinal);
        if (code is not { Length: 6 } || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(base32Secret));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, code, out var step, new VerificationWindow(previous: 1, future: 1)))
        {
            return false;
        }

        // SET NX: only the first use of this step succeeds, on any replica. The key outlives the
        // window in which that step's code could still be accepted. It names the secret too (by a
        // fingerprint): two browsers enrolling different secrets for one account in the same 30 s
        // must reach the enrolment's own check, not be told their right code is wrong.
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(base32Secret)), 0, 8);
        return await redis.GetDatabase().StringSetAsync($"sso:totp-used:{accountKey}:{fingerprint}:{step}", 1, TimeSpan.FromMinutes(3), When.NotExists);
    }
}
