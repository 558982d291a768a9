using System.Globalization;
using Benchmarks.Orchestration;

namespace Benchmarks.Soak;

/// <summary>
/// What one soak does (<c>--soak 10m</c>, or a short form such as <c>--soak 45s</c> for the test
/// command's smoke): how long the mixed traffic runs, how often a replica is killed, and the seed.
/// Under two minutes is the short form: smaller seed, a smaller batch, faults closer together.
/// </summary>
public sealed record SoakOptions(TimeSpan Duration, TimeSpan KillEvery, BenchOptions Seed)
{
    public const int Replicas = 3;

    public bool Short => Duration < TimeSpan.FromMinutes(2);

    /// <summary>How long the load runs before the first fault, so the "before" p99 of the first kill has data.</summary>
    public TimeSpan Calm => Short ? TimeSpan.FromSeconds(6) : TimeSpan.FromSeconds(20);

    /// <summary>The window either side of a fault for its before / after p99.</summary>
    public TimeSpan Window => Short ? TimeSpan.FromSeconds(4) : TimeSpan.FromSeconds(10);

    /// <summary>The load's clients per kind of traffic (sign-in, renewal, portal read, ticket, Manage Users).</summary>
    public int ClientsPerKind => Short ? 2 : 3;

    /// <summary>"10m", "45s", "90" (seconds); null when it is none of these.</summary>
    public static SoakOptions? Parse(string text)
    {
        var unit = text[^1] switch { 'm' => 60, 's' => 1, _ => 0 };
        var number = unit == 0 ? text : text[..^1];
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            return null;
        }

        var duration = TimeSpan.FromSeconds(value * Math.Max(unit, 1));
        if (duration < TimeSpan.FromSeconds(30))
        {
            return null;
        }

        var isShort = duration < TimeSpan.FromMinutes(2);
        // The short form: three kills spread over the run; the long form: one a minute.
        var killEvery = isShort ? TimeSpan.FromSeconds(Math.Floor(duration.TotalSeconds / 4)) : TimeSpan.FromMinutes(1);
        var seed = isShort
            ? new BenchOptions(true, new HashSet<string>(), [500, 1_000, 2_000], BenchUsers: 80, MigrationUsers: 1_000, TimeSpan.Zero, TimeSpan.Zero)
            : new BenchOptions(false, new HashSet<string>(), [1_000, 5_000, 50_000], BenchUsers: 600, MigrationUsers: 10_000, TimeSpan.Zero, TimeSpan.Zero);
        return new SoakOptions(duration, killEvery, seed);
    }
}
