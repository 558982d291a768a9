using System.Diagnostics;
using System.Text.RegularExpressions;
using Api.Data;
using Api.Shared.Links;
using Api.Mail;
using Api.Sso.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Support;

/// <summary>The outbox (the SQL table the mail sender reads): where the tests find the links an e-mail carries.</summary>
public static class Mailbox
{
    /// <summary>Messages of one kind to one address, oldest first.</summary>
    public static async Task<List<OutboxMessage>> MessagesAsync(IServiceProvider services, string to, string? kind = null)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var messages = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.To == to && (kind == null || m.Kind == kind))
            .ToListAsync();
        return [.. messages.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)];
    }

    /// <summary>Polls until at least <paramref name="count"/> such messages exist (mail may be queued in the background).</summary>
    public static async Task<List<OutboxMessage>> WaitForAsync(IServiceProvider services, string to, string kind, int count = 1, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var messages = await MessagesAsync(services, to, kind);
            if (messages.Count >= count)
            {
                return messages;
            }

            if (clock.Elapsed > (timeout ?? TimeSpan.FromSeconds(5)))
            {
                Assert.Fail($"No {kind} e-mail to {to} appeared in the outbox within {clock.Elapsed.TotalSeconds:0.#} s (found {messages.Count}, wanted {count}).");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The token of the link in a message's text body: {origin}sso/{page}?token=….</summary>
    public static string TokenIn(OutboxMessage message, string page)
    {
        var link = $"https://localhost/sso/{page}";
        var match = Regex.Match(message.TextBody, $@"{Regex.Escape(link)}\?token=(?<token>[A-Za-z0-9._~%-]+)");
        Assert.True(match.Success, $"no {link}?token=… link in: {message.TextBody}");
        return Uri.UnescapeDataString(match.Groups["token"].Value);
    }

    /// <summary>Makes a link expire now, as if its lifetime had passed.</summary>
    public static async Task ExpireLinksAsync(IServiceProvider services, string accountId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Set<OneTimeLink>().Where(l => l.SubjectId == accountId)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)));
    }
}
