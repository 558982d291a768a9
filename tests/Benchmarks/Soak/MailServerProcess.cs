using System.Net.Http.Json;
using System.Text.Json;
using Benchmarks.Orchestration;

namespace Benchmarks.Soak;

/// <summary>
/// smtp4dev (the development mail server, a local dotnet tool) as its own process, keeping what it
/// receives in a database file so a restart loses nothing it had accepted. Reads the Message-ID of
/// every message it received through its JSON API.
/// </summary>
public sealed class MailServerProcess(string repoRoot, string folder, int smtpPort, int webPort) : IDisposable
{
    private ChildProcess? process;

    public int SmtpPort => smtpPort;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        process?.Dispose();
        process = ChildProcess.Start("dotnet",
            ["tool", "run", "smtp4dev", "--", $"--urls=http://127.0.0.1:{webPort}", $"--smtpport={smtpPort}", "--bindaddress=127.0.0.1",
                $"--db={Path.Combine(folder, "smtp4dev.db")}", "--imapport=", "--pop3port=", "--messagestokeep=1000000", "--sessionstokeep=10"],
            repoRoot);
        using var http = Client();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var answer = await http.GetAsync("api/messages?pageSize=1", cancellationToken);
                if (answer.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new InvalidOperationException($"smtp4dev did not answer within 60 s:{Environment.NewLine}{process.Tail}");
    }

    /// <summary>Ends it the hard way (SIGKILL): what a crashed mail relay does to senders.</summary>
    public void Kill()
    {
        process?.Dispose();
        process = null;
    }

    /// <summary>The Message-ID and arrival of every message received (one entry per message, so a duplicate shows twice).</summary>
    public async Task<List<(string MessageId, DateTimeOffset ReceivedAt)>> MessageIdsAsync(CancellationToken cancellationToken)
    {
        using var http = Client();
        var ids = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var answer = await http.GetFromJsonAsync<JsonElement>($"api/messages?page={page}&pageSize=500", cancellationToken);
            var results = answer.GetProperty("results").EnumerateArray().ToList();
            ids.AddRange(results.Select(r => r.GetProperty("id")));
            if (results.Count < 500)
            {
                break;
            }
        }

        var messageIds = new List<(string, DateTimeOffset)>();
        foreach (var id in ids)
        {
            var message = await http.GetFromJsonAsync<JsonElement>($"api/messages/{id.GetString()}", cancellationToken);
            messageIds.Add((HeaderOf(message, "Message-ID") ?? $"(none: smtp4dev id {id.GetString()})", message.GetProperty("receivedDate").GetDateTimeOffset()));
        }

        return messageIds;
    }

    public void Dispose() => Kill();

    private HttpClient Client() => new() { BaseAddress = new Uri($"http://127.0.0.1:{webPort}/"), Timeout = TimeSpan.FromSeconds(30) };

    private static string? HeaderOf(JsonElement message, string name) =>
        message.TryGetProperty("headers", out var headers)
            ? headers.EnumerateArray().Where(h => string.Equals(h.GetProperty("name").GetString(), name, StringComparison.OrdinalIgnoreCase))
                .Select(h => h.GetProperty("value").GetString()?.Trim().Trim('<', '>')).FirstOrDefault()
            : null;
}
