using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Benchmarks.Flows;

/// <summary>
/// The load generator for the multi-step flows, run as its own process so that its CPU is not
/// the Api's: <c>dotnet Benchmarks.dll load renewal|refresh|signin|passkey|hash --clients N --seconds S
/// [--warmup S] [--base-url URL --users FILE]</c>. Prints one JSON line (<see cref="FlowResult"/>).
/// Exit code 0 with a result (even with errors in it), 2 for bad arguments, 1 when it broke.
/// </summary>
public static class LoadProcess
{
    /// <summary>NaN stands for "nothing completed" in the percentiles.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static async Task<int> RunAsync(string[] args)
    {
        if (!TryParse(args, out var scenario, out var options, out var problem))
        {
            await Console.Error.WriteLineAsync($"{problem} Usage: load renewal|refresh|signin|passkey|hash --clients N --seconds S [--warmup S] [--base-url URL --users FILE]");
            return 2;
        }

        var clients = int.Parse(options["clients"], CultureInfo.InvariantCulture);
        var duration = TimeSpan.FromSeconds(double.Parse(options["seconds"], CultureInfo.InvariantCulture));
        var warmup = TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("warmup", "2"), CultureInfo.InvariantCulture));
        // Setup (sign-ins of the renewal sessions) and the run itself, with room to spare.
        using var cap = new CancellationTokenSource(duration + warmup + TimeSpan.FromMinutes(3));
        var codes = options.TryGetValue("users", out var usersFile) ? AuthenticatorCodes.Open(usersFile) : AuthenticatorCodes.System;
        try
        {
            var result = scenario switch
            {
                "hash" => await FlowLoads.HashAsync(clients, warmup, duration, cap.Token),
                "passkey" => await FlowLoads.PasskeySignInAsync(Issuer(options), new UserPool(BenchUser.ReadAll(usersFile!), codes), clients, warmup, duration, cap.Token),
                "renewal" => await FlowLoads.RenewalAsync(Issuer(options), new UserPool(BenchUser.ReadAll(usersFile!), codes), clients, warmup, duration, cap.Token),
                "refresh" => await FlowLoads.RefreshAsync(Issuer(options), new UserPool(BenchUser.ReadAll(usersFile!), codes), clients, warmup, duration, cap.Token),
                _ => await FlowLoads.SignInAsync(Issuer(options), new UserPool(BenchUser.ReadAll(usersFile!), codes), clients, warmup, duration, cap.Token),
            };
            Console.WriteLine(JsonSerializer.Serialize(result, Json));
            return 0;
        }
        catch (Exception exception) when (exception is FlowException or HttpRequestException or OperationCanceledException or IOException or JsonException)
        {
            await Console.Error.WriteLineAsync($"load {scenario} failed: {exception.GetType().Name}: {exception.Message}");
            return 1;
        }
        finally
        {
            codes.Save();
        }
    }

    private static Uri Issuer(Dictionary<string, string> options) => new(options["base-url"].TrimEnd('/') + "/");

    private static bool TryParse(string[] args, out string scenario, out Dictionary<string, string> options, out string problem)
    {
        options = new Dictionary<string, string>(StringComparer.Ordinal);
        scenario = args.Length > 1 ? args[1] : "";
        problem = "";
        if (scenario is not ("renewal" or "refresh" or "signin" or "passkey" or "hash"))
        {
            problem = $"Unknown load scenario '{scenario}'.";
            return false;
        }

        for (var i = 2; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                problem = $"Expected '--name value' at '{args[i]}'.";
                return false;
            }

            options[args[i][2..]] = args[i + 1];
        }

        string[] required = scenario == "hash" ? ["clients", "seconds"] : ["clients", "seconds", "base-url", "users"];
        var given = options;
        if (required.FirstOrDefault(name => !given.ContainsKey(name)) is { } missing)
        {
            problem = $"--{missing} is required.";
            return false;
        }

        if (!int.TryParse(options["clients"], CultureInfo.InvariantCulture, out var clients) || clients < 1
            || !double.TryParse(options["seconds"], CultureInfo.InvariantCulture, out var seconds) || seconds <= 0
            || !double.TryParse(options.GetValueOrDefault("warmup", "0"), CultureInfo.InvariantCulture, out var warmup) || warmup < 0)
        {
            problem = "--clients must be a positive integer, --seconds positive and --warmup not negative.";
            return false;
        }

        return true;
    }
}
