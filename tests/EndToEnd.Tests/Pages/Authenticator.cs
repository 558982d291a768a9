using OtpNet;

namespace EndToEnd.Tests.Pages;

/// <summary>
/// The user's authenticator app for one account. The server accepts each time-step's code once per
/// account (replay guard), so a second code in the same journey waits for the next 30-second step.
/// </summary>
public sealed class Authenticator(string base32Secret)
{
    private const int StepSeconds = 30;

    private readonly Totp totp = new(Base32Encoding.ToBytes(base32Secret.Replace(" ", string.Empty)), StepSeconds);
    private long lastUsedStep = -1;

    /// <summary>A code for a time-step this account has not used yet; waits for the next step if needed.</summary>
    public async Task<string> NextCodeAsync()
    {
        while (true)
        {
            var now = DateTime.UtcNow;
            var step = StepOf(now);
            if (step > lastUsedStep)
            {
                lastUsedStep = step;
                return totp.ComputeTotp(now);
            }

            // The only wait in the journeys that has no condition to poll: time itself.
            await Task.Delay(TimeSpan.FromSeconds(totp.RemainingSeconds(now)) + TimeSpan.FromMilliseconds(250));
        }
    }

    /// <summary>A six-digit code that the server must refuse now (not valid in the ±1 step window).</summary>
    public string WrongCode()
    {
        foreach (var candidate in new[] { "000000", "111111", "123456", "999999" })
        {
            if (!totp.VerifyTotp(DateTime.UtcNow, candidate, out _, new VerificationWindow(previous: 2, future: 2)))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Every candidate wrong code happens to be valid now; this cannot happen twice in a row.");
    }

    private static long StepOf(DateTime utc) => new DateTimeOffset(utc).ToUnixTimeSeconds() / StepSeconds;
}
