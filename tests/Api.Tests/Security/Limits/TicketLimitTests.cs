using System.Net;
using Api.Portal.Tickets;
using Api.Tests.Portal.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Api.Tests.Security.Limits;

/// <summary>
/// Opening tickets is limited per end user and per client, per hour and per day, and attachment
/// bytes per client per day (ASVS 11.1.4: anti-automation against excessive calls). Fifty tickets
/// sent at once: exactly what the budget allows is written (ticket, file, support e-mail), every
/// other one answers 429 with a sentence and Retry-After and writes nothing.
/// </summary>
[Collection(LimitsCollection.Name)]
public sealed class TicketLimitTests(LimitsApiFactory api)
{
    private const int Parallel = 50;
    private const string UserSentence = "You have opened many tickets";
    private const string ClientSentence = "Your organisation has opened many tickets";
    private static readonly TicketLimitOptions Shipped = new();
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    [Fact]
    [Trait("ASVS", "11.1.4")]
    public async Task Fifty_parallel_tickets_of_one_user_open_the_hourly_limit_and_refuse_the_rest()
    {
        var (world, user) = await WorldAsync();
        using var browser = new SsoDriver(api);

        var answers = await OpenFiftyAsync(user, browser);

        LimitAnswers.AssertExactly(Shipped.TicketsPerUserPerHour, answers, HttpStatusCode.Created, Hour, UserSentence + " in the last hour.");
        await AssertWrittenAsync(world, user, Shipped.TicketsPerUserPerHour, files: 0);
    }

    [Fact]
    [Trait("ASVS", "11.1.4")]
    public async Task A_user_who_opened_almost_the_days_tickets_opens_only_what_is_left()
    {
        var (world, user) = await WorldAsync();
        await api.SpendAsync(TicketLimits.UserDayKey(user.Id), Shipped.TicketsPerUserPerDay, Day, Shipped.TicketsPerUserPerDay - 3);
        using var browser = new SsoDriver(api);

        var answers = await OpenFiftyAsync(user, browser);

        // The hourly limit refuses some while the day's refuses the others.
        LimitAnswers.AssertExactly(3, answers, HttpStatusCode.Created, Day, UserSentence + " today.", UserSentence + " in the last hour.");
        Assert.Contains(answers, a => a.Detail?.StartsWith(UserSentence + " today.", StringComparison.Ordinal) == true);
        await AssertWrittenAsync(world, user, 3, files: 0);
    }

    [Fact]
    [Trait("ASVS", "11.1.4")]
    public async Task A_client_near_its_hourly_tickets_opens_only_what_is_left_whoever_asks()
    {
        var (world, user) = await WorldAsync();
        await api.SpendAsync(TicketLimits.ClientHourKey(world.Admin.Clients[0].Id), Shipped.TicketsPerClientPerHour, Hour, Shipped.TicketsPerClientPerHour - 5);
        using var browser = new SsoDriver(api);

        var answers = await OpenFiftyAsync(user, browser);

        // The user's own hourly limit refuses some while the client's refuses the others.
        LimitAnswers.AssertExactly(5, answers, HttpStatusCode.Created, Hour, ClientSentence + " in the last hour.", UserSentence + " in the last hour.");
        Assert.Contains(answers, a => a.Detail?.StartsWith(ClientSentence, StringComparison.Ordinal) == true);
        await AssertWrittenAsync(world, user, 5, files: 0);
    }

    [Fact]
    [Trait("ASVS", "11.1.4")]
    public async Task A_client_near_its_daily_tickets_opens_only_what_is_left()
    {
        var (world, user) = await WorldAsync();
        await api.SpendAsync(TicketLimits.ClientDayKey(world.Admin.Clients[0].Id), Shipped.TicketsPerClientPerDay, Day, Shipped.TicketsPerClientPerDay - 3);
        using var browser = new SsoDriver(api);

        var answers = await OpenFiftyAsync(user, browser);

        LimitAnswers.AssertExactly(3, answers, HttpStatusCode.Created, Day, ClientSentence + " today.", UserSentence + " in the last hour.");
        Assert.Contains(answers, a => a.Detail?.StartsWith(ClientSentence + " today.", StringComparison.Ordinal) == true);
        await AssertWrittenAsync(world, user, 3, files: 0);
    }

    [Fact]
    [Trait("ASVS", "11.1.4")]
    public async Task Attachment_bytes_per_client_per_day_hold_under_fifty_parallel_tickets()
    {
        var (world, user) = await WorldAsync();
        const int fileSize = 1000;
        await api.SpendAsync(TicketLimits.ClientBytesKey(world.Admin.Clients[0].Id), Shipped.AttachmentBytesPerClientPerDay, Day, Shipped.AttachmentBytesPerClientPerDay - (3 * fileSize) - (fileSize / 2));
        using var browser = new SsoDriver(api);

        var answers = await OpenFiftyAsync(user, browser, TicketCalls.Png(fileSize));

        LimitAnswers.AssertExactly(3, answers, HttpStatusCode.Created, Day, "Your organisation has attached many files today.", UserSentence + " in the last hour.");
        await AssertWrittenAsync(world, user, 3, files: 3);
    }

    [Fact]
    public async Task A_refused_ticket_tells_the_wait_in_words_and_seconds_that_agree()
    {
        var (_, user) = await WorldAsync();
        await api.SpendAsync(TicketLimits.UserHourKey(user.Id), Shipped.TicketsPerUserPerHour, Hour, Shipped.TicketsPerUserPerHour);
        using var browser = new SsoDriver(api);

        var answer = await user.Login.OpenAsync(browser);

        LimitAnswers.AssertRefused(answer, Hour, UserSentence);
        var seconds = answer.Json!["retryAfter"]!.GetValue<long>();
        Assert.Equal(TimeSpan.FromSeconds(seconds), answer.Raw.Headers.RetryAfter!.Delta);
        Assert.Contains($"Try again in {Math.Ceiling(seconds / 60.0)} minutes.", answer.Detail);
    }

    /// <summary>A partner with a confirmed support address of its own, and one signed-in end user.</summary>
    private async Task<(TicketWorld World, PortalUser User)> WorldAsync()
    {
        var world = await TicketWorld.CreateAsync(api.Services);
        await world.SupportEmailAsync(SupportOf(world));
        return (world, await world.EndUserAsync());
    }

    private static string SupportOf(TicketWorld world) => $"support-{world.Admin.Partner.Id:N}@limits.example";

    private static async Task<SsoResponse[]> OpenFiftyAsync(PortalUser user, SsoDriver browser, byte[]? attachment = null) =>
        await Task.WhenAll(Enumerable.Range(0, Parallel).Select(i => user.Login.OpenAsync(browser, subject: $"Ticket {i}", attachment: attachment)));

    /// <summary>Nothing half-written: as many tickets, files and support e-mails as answers that said Created.</summary>
    private async Task AssertWrittenAsync(TicketWorld world, PortalUser user, int tickets, int files)
    {
        var written = await world.WithDbAsync(db => db.Tickets.Where(t => t.OpenedById == user.Id).Select(t => t.Id).ToListAsync());
        Assert.Equal(tickets, written.Count);
        Assert.Equal(files, await world.WithDbAsync(db => db.TicketAttachments.CountAsync(a => written.Contains(a.TicketId))));
        var support = SupportOf(world);
        Assert.Equal(tickets, await world.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == support && m.Kind == TicketEmails.OpenedKind)));
    }
}
