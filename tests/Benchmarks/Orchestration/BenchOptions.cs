namespace Benchmarks.Orchestration;

/// <summary>
/// What one run does: the full run (≤ ~10 minutes on 2 cores) or <c>--smoke</c> (tiny counts and
/// short loads, under 2 minutes, proving the command works), optionally <c>--only</c> some scenarios.
/// </summary>
public sealed record BenchOptions(
    bool Smoke,
    IReadOnlySet<string> Only,
    int[] PartnerSizes,
    int BenchUsers,
    int MigrationUsers,
    TimeSpan WrkDuration,
    TimeSpan FlowDuration)
{
    public static readonly string[] AllScenarios = ["me", "manage-users", "funnel", "export", "scim", "migration", "renewal", "signin", "webhooks", "coldstart", "loginjs"];

    public const string Usage =
        "Usage: dotnet run -c Release --project tests/Benchmarks [-- --smoke] [-- --only me,manage-users,funnel,export,scim,migration,renewal,signin,webhooks,coldstart,loginjs] | [-- --soak 10m]";

    /// <summary>
    /// Whether this run does <paramref name="scenario"/>. The smoke run leaves out the stack's cold
    /// start and the SPA build (a minute or more each) unless they are named with --only.
    /// </summary>
    public bool Runs(string scenario) =>
        Only.Count == 0 ? !(Smoke && scenario is "coldstart" or "loginjs") : Only.Contains(scenario);

    /// <summary>The scenarios this run does, in the order they run.</summary>
    public IEnumerable<string> Scenarios => AllScenarios.Where(Runs);

    /// <summary>Reads the command line; null (with the reason on standard error) for bad arguments.</summary>
    public static BenchOptions? Parse(string[] args)
    {
        var smoke = false;
        var only = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--smoke":
                    smoke = true;
                    break;
                case "--only" when i + 1 < args.Length:
                    foreach (var name in args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        if (!AllScenarios.Contains(name, StringComparer.OrdinalIgnoreCase))
                        {
                            Console.Error.WriteLine($"Unknown scenario '{name}'. {Usage}");
                            return null;
                        }

                        only.Add(name);
                    }

                    break;
                default:
                    Console.Error.WriteLine($"Unknown or incomplete argument '{args[i]}'. {Usage}");
                    return null;
            }
        }

        return smoke
            ? new BenchOptions(true, only, [500, 2_000, 5_000], BenchUsers: 60, MigrationUsers: 200, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3))
            : new BenchOptions(false, only, [5_000, 50_000, 500_000], BenchUsers: 2_000, MigrationUsers: 10_000, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15));
    }
}
