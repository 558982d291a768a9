using OtpNet;

namespace Api.Tests.Support;

/// <summary>RFC 6238 codes as an authenticator app computes them.</summary>
public static class Totp
{
    public static string CodeAt(string base32Secret, DateTime utc) =>
        new OtpNet.Totp(Base32Encoding.ToBytes(base32Secret.Replace(" ", "", StringComparison.Ordinal))).ComputeTotp(utc);

    public static long StepOf(DateTime utc) => new DateTimeOffset(utc, TimeSpan.Zero).ToUnixTimeSeconds() / 30;

    /// <summary>Waits out the last seconds of a 30-s step, so a code computed now is judged in the same step.</summary>
    public static void AvoidStepBoundary(int marginSeconds = 4)
    {
        var intoStep = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() % 30_000;
        if (intoStep > (30 - marginSeconds) * 1000)
        {
            Thread.Sleep((int)(30_000 - intoStep) + 50);
        }
    }
}
