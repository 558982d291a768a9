using System.Collections.Concurrent;
using System.Text.Json;
using OtpNet;

namespace Benchmarks.Flows;

/// <summary>
/// The bench users' phones. The Api accepts a code only within one 30-s step of its clock and
/// each step only once per account, so every sign-in needs a step that account has not used yet:
/// the current one or the next (the previous could expire between computing and checking).
/// An account that used both waits for the clock, so sign-in load needs enough accounts.
/// Load processes that follow each other share what they used through a file next to the
/// users file (<see cref="Open"/>, <see cref="Save"/>): a step used by the previous process is
/// refused by the Api for the next one too.
/// </summary>
public sealed class AuthenticatorCodes(TimeProvider clock)
{
    private const int StepSeconds = 30;

    private readonly ConcurrentDictionary<string, long> lastUsedStep = new(StringComparer.OrdinalIgnoreCase);
    private string? file;

    /// <summary>In memory only: for a process that alone signs in with its users.</summary>
    public static AuthenticatorCodes System { get; } = new(TimeProvider.System);

    /// <summary>The steps used so far with the users of <paramref name="usersFile"/>, by any process that saved them.</summary>
    public static AuthenticatorCodes Open(string usersFile)
    {
        var codes = new AuthenticatorCodes(TimeProvider.System) { file = usersFile + ".steps.json" };
        if (File.Exists(codes.file))
        {
            foreach (var (email, step) in JsonSerializer.Deserialize<Dictionary<string, long>>(File.ReadAllText(codes.file)) ?? [])
            {
                codes.lastUsedStep[email] = step;
            }
        }

        return codes;
    }

    /// <summary>Writes the used steps for the next process (only for codes from <see cref="Open"/>).</summary>
    public void Save()
    {
        if (file is not null)
        {
            File.WriteAllText(file, JsonSerializer.Serialize(lastUsedStep.ToDictionary()));
        }
    }

    /// <summary>A code for a step this account has not used, or null when it has used every step allowed now.</summary>
    public string? TryNext(BenchUser user)
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        while (true)
        {
            var last = lastUsedStep.GetOrAdd(user.Email, long.MinValue);
            var step = Math.Max(last + 1, now);
            if (step > now + 1)
            {
                return null;
            }

            if (lastUsedStep.TryUpdate(user.Email, step, last))
            {
                var totp = new Totp(Base32Encoding.ToBytes(user.AuthenticatorKey), StepSeconds);
                return totp.ComputeTotp(DateTime.UnixEpoch.AddSeconds(step * StepSeconds));
            }
        }
    }
}
