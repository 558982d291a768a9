using System.Globalization;
using System.Text.RegularExpressions;
using Benchmarks.Orchestration;

namespace Benchmarks.Load;

/// <summary>What wrk measured for one URL: requests/s, latency percentiles (ms) and answers that were not 2xx/3xx or failed.</summary>
public sealed record WrkResult(string Url, int Connections, long Requests, double Seconds, double RequestsPerSecond, double P50, double P99, long Errors);

/// <summary>
/// Plain GET load from a separate process: wrk (Debian package "wrk"), 2 threads unless fewer
/// connections, <c>--latency</c> for the percentile table.
/// </summary>
public static partial class Wrk
{
    public static async Task<WrkResult> RunAsync(Uri url, int connections, TimeSpan duration, string? bearer = null, CancellationToken cancellationToken = default)
    {
        var threads = Math.Min(2, connections);
        List<string> args = ["-t", threads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{(int)Math.Ceiling(duration.TotalSeconds)}s", "--timeout", "10s", "--latency"];
        if (bearer is not null)
        {
            args.AddRange(["-H", $"Authorization: Bearer {bearer}"]);
        }

        // AbsoluteUri keeps the query's escapes (a SCIM filter's spaces and quotes); ToString() would undo them.
        args.Add(url.AbsoluteUri);
        var (exit, output) = await ChildProcess.RunAsync("wrk", args, Environment.CurrentDirectory, cancellationToken);
        if (exit != 0)
        {
            throw new InvalidOperationException($"wrk exited with {exit}:{Environment.NewLine}{output}");
        }

        return Parse(url.ToString(), connections, output);
    }

    /// <summary>One request first, by hand: a URL that does not answer 2xx would make wrk measure error pages. Returns the answer's body.</summary>
    public static async Task<string> PreflightAsync(Uri url, string? bearer, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(1) };
        using var check = new HttpRequestMessage(HttpMethod.Get, url);
        if (bearer is not null)
        {
            check.Headers.Authorization = new("Bearer", bearer);
        }

        using var answer = await http.SendAsync(check, cancellationToken);
        var body = await answer.Content.ReadAsStringAsync(cancellationToken);
        if (!answer.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {url.PathAndQuery} answered {(int)answer.StatusCode}: {body}");
        }

        return body;
    }

    public static WrkResult Parse(string url, int connections, string output)
    {
        var total = RequestsLine().Match(output);
        var rps = RequestsPerSecondLine().Match(output);
        if (!total.Success || !rps.Success)
        {
            throw new InvalidOperationException($"Could not read wrk's output:{Environment.NewLine}{output}");
        }

        var non2xx = NonSuccessLine().Match(output);
        var socket = SocketErrorsLine().Match(output);
        var socketErrors = socket.Success ? socket.Groups.Cast<Group>().Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture)) : 0;
        return new WrkResult(
            url,
            connections,
            long.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture),
            Seconds(total.Groups[2].Value, total.Groups[3].Value),
            double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture),
            Percentile(output, "50%"),
            Percentile(output, "99%"),
            (non2xx.Success ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0) + socketErrors);
    }

    /// <summary>"  99%   12.34ms" → 12.34 (wrk prints us, ms or s).</summary>
    private static double Percentile(string output, string percent)
    {
        var match = Regex.Match(output, $@"^\s*{Regex.Escape(percent)}\s+([\d.]+)(us|ms|s|m)\s*$", RegexOptions.Multiline);
        return match.Success ? Milliseconds(match.Groups[1].Value, match.Groups[2].Value) : double.NaN;
    }

    private static double Milliseconds(string value, string unit) =>
        double.Parse(value, CultureInfo.InvariantCulture) * unit switch { "us" => 0.001, "ms" => 1, "s" => 1000, _ => 60_000 };

    private static double Seconds(string value, string unit) => Milliseconds(value, unit) / 1000;

    [GeneratedRegex(@"(\d+) requests in ([\d.]+)(us|ms|s|m)")]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecondLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccessLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsLine();
}
