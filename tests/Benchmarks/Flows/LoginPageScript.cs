using System.IO.Compression;
using System.Text.RegularExpressions;

namespace Benchmarks.Flows;

/// <summary>One JavaScript file the login page loads before it can show anything.</summary>
public sealed record ScriptFile(string Path, long Bytes, long GzipBytes);

/// <summary>The login page's initial JavaScript, per file and in total (bytes as served, and gzip).</summary>
public sealed record LoginPageScriptResult(IReadOnlyList<ScriptFile> Files, long TotalBytes, long TotalGzipBytes);

/// <summary>
/// What a browser opening the login page (/) must download before it runs: the production build's
/// dist/index.html names its entry module (<c>script type=module src</c>) and the chunks Vite
/// asks the browser to fetch with it (<c>link rel=modulepreload</c>). Chunks imported later
/// (lazy routes) are not in index.html and do not count. Each file is gzipped at the highest
/// level, as a server compressing static files ahead of time would (Vite's report uses the same).
/// </summary>
public static partial class LoginPageScript
{
    public static async Task<LoginPageScriptResult> MeasureAsync(string repoRoot, CancellationToken cancellationToken = default)
    {
        var webClient = Path.Combine(repoRoot, "WebClient");
        if (!Directory.Exists(Path.Combine(webClient, "node_modules")))
        {
            await CommandLine.RunAsync(webClient, "npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(5), cancellationToken);
        }

        await CommandLine.RunAsync(webClient, "npm", ["run", "build"], TimeSpan.FromMinutes(5), cancellationToken);
        var dist = Path.Combine(webClient, "dist");
        var html = await File.ReadAllTextAsync(Path.Combine(dist, "index.html"), cancellationToken);
        var files = new List<ScriptFile>();
        foreach (var path in InitialScripts(html).Distinct(StringComparer.Ordinal))
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(dist, path.TrimStart('/')), cancellationToken);
            files.Add(new ScriptFile(path, bytes.Length, Gzipped(bytes)));
        }

        return files.Count == 0
            ? throw new InvalidOperationException("dist/index.html names no module script.")
            : new LoginPageScriptResult(files, files.Sum(f => f.Bytes), files.Sum(f => f.GzipBytes));
    }

    /// <summary>The src of every module script and the href of every modulepreload link (same origin, as Vite writes them).</summary>
    public static IEnumerable<string> InitialScripts(string html) =>
        Tags().Matches(html).Select(tag => tag.Value)
            .Where(tag => tag.StartsWith("<script", StringComparison.OrdinalIgnoreCase)
                ? ModuleType().IsMatch(tag)
                : ModulePreload().IsMatch(tag))
            .Select(tag => Reference().Match(tag))
            .Where(reference => reference.Success)
            .Select(reference => reference.Groups["url"].Value);

    private static long Gzipped(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return buffer.Length;
    }

    [GeneratedRegex("<(script|link)\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Tags();

    [GeneratedRegex("\\btype\\s*=\\s*[\"']?module\\b", RegexOptions.IgnoreCase)]
    private static partial Regex ModuleType();

    [GeneratedRegex("\\brel\\s*=\\s*[\"']?modulepreload\\b", RegexOptions.IgnoreCase)]
    private static partial Regex ModulePreload();

    [GeneratedRegex("\\b(src|href)\\s*=\\s*[\"'](?<url>[^\"']+)[\"']", RegexOptions.IgnoreCase)]
    private static partial Regex Reference();
}
