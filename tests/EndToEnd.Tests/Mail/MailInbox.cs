using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace EndToEnd.Tests.Mail;

/// <summary>One message in the development inbox (smtp4dev).</summary>
public sealed record MailMessage(string Id, string From, IReadOnlyList<string> To, string Subject, DateTimeOffset ReceivedDate)
{
    /// <summary>The sender's address without any display name ("Name &lt;addr&gt;" → "addr").</summary>
    public string FromAddress => MailInbox.AddressOf(From);
}

/// <summary>
/// Reads the stack's mail inbox through smtp4dev's JSON API, the way a user reads their mailbox:
/// wait for the message, open it, follow its link.
/// </summary>
public sealed partial class MailInbox(Uri inboxUrl) : IDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    private readonly HttpClient http = new() { BaseAddress = inboxUrl, Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>
    /// Polls until a message to <paramref name="to"/> whose subject matches has arrived (received at or
    /// after <paramref name="receivedAfter"/>, when given) and returns the newest such message.
    /// </summary>
    public async Task<MailMessage> WaitForMessageAsync(string to, Regex subject, DateTimeOffset? receivedAfter = null, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? DefaultTimeout);
        IReadOnlyList<MailMessage> seen = [];
        while (true)
        {
            seen = await ListAsync();
            var match = seen
                .Where(m => m.To.Any(address => string.Equals(AddressOf(address), to, StringComparison.OrdinalIgnoreCase)))
                .Where(m => subject.IsMatch(m.Subject))
                .Where(m => receivedAfter is null || m.ReceivedDate >= receivedAfter.Value.AddSeconds(-2))
                .OrderByDescending(m => m.ReceivedDate)
                .FirstOrDefault();
            if (match is not null)
            {
                return match;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                var summary = seen.Count == 0
                    ? "the inbox is empty"
                    : "the inbox holds: " + string.Join("; ", seen.Select(m => $"'{m.Subject}' to {string.Join(",", m.To)} from {m.From} at {m.ReceivedDate:O}"));
                throw new TimeoutException($"No e-mail to {to} with a subject matching /{subject}/ arrived within {timeout ?? DefaultTimeout}; {summary}.");
            }

            await Task.Delay(PollInterval);
        }
    }

    public async Task<IReadOnlyList<MailMessage>> ListAsync()
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync("api/messages?pageSize=50"));
        var items = document.RootElement.ValueKind == JsonValueKind.Array
            ? document.RootElement
            : document.RootElement.GetProperty("results");
        return items.EnumerateArray().Select(Parse).ToList();
    }

    /// <summary>The message's text: its HTML part and its plain-text part, whichever exist.</summary>
    public async Task<string> ReadBodyAsync(MailMessage message)
    {
        var html = await GetOptionalAsync($"api/messages/{message.Id}/html");
        var text = await GetOptionalAsync($"api/messages/{message.Id}/plaintext");
        if (html is null && text is null)
        {
            throw new InvalidOperationException($"The e-mail '{message.Subject}' has neither an HTML nor a plain-text body.");
        }

        return (html ?? string.Empty) + "\n" + (text ?? string.Empty);
    }

    /// <summary>The first link in the message whose path starts with <paramref name="pathPrefix"/>.</summary>
    public async Task<Uri> ReadLinkAsync(MailMessage message, string pathPrefix)
    {
        var body = await ReadBodyAsync(message);
        foreach (Match candidate in UrlPattern().Matches(body))
        {
            var raw = WebUtility.HtmlDecode(candidate.Value).TrimEnd('.', ',', ')', ';');
            if (Uri.TryCreate(raw, UriKind.Absolute, out var link) &&
                link.AbsolutePath.StartsWith(pathPrefix, StringComparison.OrdinalIgnoreCase))
            {
                return link;
            }
        }

        throw new InvalidOperationException($"The e-mail '{message.Subject}' has no link to {pathPrefix}. Its body:\n{body}");
    }

    public void Dispose() => http.Dispose();

    internal static string AddressOf(string mailbox)
    {
        var angle = AngleAddress().Match(mailbox);
        return (angle.Success ? angle.Groups[1].Value : mailbox).Trim().Trim('"');
    }

    private async Task<string?> GetOptionalAsync(string path)
    {
        using var response = await http.GetAsync(path);
        return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : null;
    }

    private static MailMessage Parse(JsonElement item)
    {
        var to = item.TryGetProperty("to", out var toElement) ? toElement : default;
        IReadOnlyList<string> recipients = to.ValueKind switch
        {
            JsonValueKind.Array => to.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToList(),
            JsonValueKind.String => (to.GetString() ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            _ => [],
        };
        return new MailMessage(
            item.GetProperty("id").ToString(),
            item.TryGetProperty("from", out var from) ? from.GetString() ?? string.Empty : string.Empty,
            recipients,
            item.TryGetProperty("subject", out var subject) ? subject.GetString() ?? string.Empty : string.Empty,
            item.TryGetProperty("receivedDate", out var received) && received.TryGetDateTimeOffset(out var date) ? date : DateTimeOffset.MinValue);
    }

    [GeneratedRegex(@"https?://[^\s""'<>]+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"<([^<>]+)>")]
    private static partial Regex AngleAddress();
}
