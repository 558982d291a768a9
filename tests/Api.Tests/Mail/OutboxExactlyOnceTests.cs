using System.Text.RegularExpressions;
using Api.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Api.Tests.Mail;

/// <summary>
/// Replicas share one outbox: however many dispatchers race for the same messages, each e-mail
/// reaches the mail server once, carrying its outbox row's id as its Message-ID (the soak found
/// mails delivered twice when one replica leased a message another had just sent).
/// </summary>
public sealed partial class OutboxExactlyOnceTests(OutboxRetentionTests.DeliveringApiFactory api) : IClassFixture<OutboxRetentionTests.DeliveringApiFactory>
{
    [Fact]
    public async Task Fifty_competing_dispatchers_deliver_every_mail_once_with_its_row_id_as_Message_ID()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var addresses = Enumerable.Range(0, 30).Select(i => $"once-{run}-{i}@example.test").ToList();
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            foreach (var address in addresses)
            {
                outbox.Enqueue("exactly-once", address, new EmailContent("Your ticket has an answer", "Read it in the portal.", "<p>Read it in the portal.</p>"));
            }

            await scope.ServiceProvider.GetRequiredService<DbContext>().SaveChangesAsync();
        }

        // Fifty dispatchers, as fifty replicas would run them, each sending until nothing is due.
        var dispatchers = Enumerable.Range(0, 50).Select(_ => ActivatorUtilities.CreateInstance<OutboxDispatcher>(api.Services)).ToList();
        await Task.WhenAll(dispatchers.Select(dispatcher => Task.Run(async () =>
        {
            while (await dispatcher.SendNextAsync(CancellationToken.None))
            {
            }
        })));

        var rows = await RowsAsync(addresses);
        Assert.All(rows, row => Assert.NotNull(row.SentAt));
        var domain = api.Services.GetRequiredService<IOptions<MailOptions>>().Value.Domain;
        var delivered = api.Smtp.Received.Where(m => m.Recipients.Any(addresses.Contains)).ToList();
        // Each person got exactly one mail, and it is the one their row says was sent.
        Assert.Equal(addresses.Order(), delivered.Select(m => m.Recipients.Single()).Order());
        Assert.Equal(
            rows.Select(r => OutboxMessage.MessageIdOf(r.Id, domain)).Order(),
            delivered.Select(m => MessageIdHeader().Match(m.Data).Groups[1].Value).Order());
    }

    [Fact]
    public async Task A_replica_that_chose_a_mail_just_before_another_sent_it_does_not_send_it_again()
    {
        var address = $"chosen-{Guid.NewGuid():N}@example.test";
        await using (var scope = api.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Outbox>().Enqueue("exactly-once", address, new EmailContent("Reset your password", "link", "<p>link</p>"));
            await scope.ServiceProvider.GetRequiredService<DbContext>().SaveChangesAsync();
        }

        // Replica B picks the mail as its next candidate; then replica A leases, sends and releases it.
        var chosen = (await RowsAsync([address])).Single();
        var pickedAt = DateTime.UtcNow;
        await ActivatorUtilities.CreateInstance<OutboxDispatcher>(api.Services).SendNextAsync(CancellationToken.None);
        await WaitUntilSentAsync(address);

        // B now tries to take its stale candidate: the mail is no longer due, so B must not get it.
        var replicaB = ActivatorUtilities.CreateInstance<OutboxDispatcher>(api.Services);
        await using var scopeB = api.Services.CreateAsyncScope();
        var leased = await replicaB.TryLeaseAsync(scopeB.ServiceProvider.GetRequiredService<DbContext>(), chosen.Id, pickedAt.AddSeconds(1), CancellationToken.None);

        await replicaB.SendNextAsync(CancellationToken.None);

        Assert.False(leased);
        Assert.Single(api.Smtp.Received, m => m.Recipients.Contains(address));
    }

    /// <summary>The mail may go out through the Api's own dispatcher (woken by the save) or the test's: either way, once.</summary>
    private async Task WaitUntilSentAsync(string address)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while ((await RowsAsync([address])).Single().SentAt is null)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the mail to {address} was not sent within 10 s");
            await Task.Delay(50);
        }
    }

    private async Task<List<OutboxMessage>> RowsAsync(List<string> addresses)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DbContext>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => addresses.Contains(m.To)).ToListAsync();
    }

    [GeneratedRegex(@"^Message-Id:\s*<([^>]+)>", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex MessageIdHeader();
}
