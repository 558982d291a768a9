using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Benchmarks.Flows;

/// <summary>One resource of the stack and the URL whose answer says it is healthy (the dashboard: any 2xx/3xx).</summary>
internal sealed record HealthProbe(string Name, Uri Url, bool AnyAnswer);

/// <summary>
/// Where each resource of the stack answers, read from the same files the app host reads
/// (launchSettings.json, appsettings.json), and whether it answers yet.
/// </summary>
internal static class HealthProbes
{
    /// <summary>The api, the web client, the RMM console and the dashboard, each with its health URL.</summary>
    public static List<HealthProbe> ForStack(string repoRoot)
    {
        var portal = ReadJson(Path.Combine(repoRoot, "AppHost", "appsettings.json"), "Ports", "Portal")?.GetInt32() ?? 5173;
        return
        [
            new("api", new Uri(LaunchUrl(repoRoot, "Api"), "/health"), AnyAnswer: false),
            new("webclient", new Uri($"http://localhost:{portal}/"), AnyAnswer: false),
            new("rmm-console", new Uri(LaunchUrl(repoRoot, Path.Combine("AppHost", "Products", "RmmConsole")), "/health"), AnyAnswer: false),
            new("dashboard", LaunchUrl(repoRoot, "AppHost"), AnyAnswer: true),
        ];
    }

    /// <summary>The http profile's first applicationUrl: the port the app host gives the project (its proxy listens there).</summary>
    private static Uri LaunchUrl(string repoRoot, string project)
    {
        var urls = ReadJson(Path.Combine(repoRoot, project, "Properties", "launchSettings.json"), "profiles", "http", "applicationUrl")?.GetString()
            ?? throw new InvalidOperationException($"{project}/Properties/launchSettings.json has no http profile with an applicationUrl.");
        return new Uri(urls.Split(';')[0]);
    }

    private static JsonElement? ReadJson(string path, params string[] properties)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var element = document.RootElement;
        foreach (var property in properties)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(property, out element))
            {
                return null;
            }
        }

        return element.Clone();
    }

    /// <summary>Healthy: 200 from its URL (the dashboard: any answer below 400); no answer yet is not an error.</summary>
    public static async Task<bool> AnswersAsync(HttpClient http, HealthProbe probe, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(probe.Url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return response.StatusCode == HttpStatusCode.OK || (probe.AnyAnswer && (int)response.StatusCode < 400);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Something listens on the URL's port: a stack still (or already) running.</summary>
    public static bool PortAnswers(Uri url)
    {
        try
        {
            using var socket = new TcpClient();
            return socket.ConnectAsync(url.Host, url.Port).Wait(TimeSpan.FromMilliseconds(300));
        }
        catch (AggregateException)
        {
            return false;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
