using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Pages.Portal;

/// <summary>`/portal/tickets`: the user's tickets with status and last update, a status filter, paging, and the empty state.</summary>
public sealed class TicketsPage(IPage page)
{
    public static readonly Regex Url = new(@"/portal/tickets/?(\?.*)?$");

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Tickets", Exact = true, Level = 1 });

    public ILocator Table => page.GetByRole(AriaRole.Table, new() { Name = "Tickets", Exact = true });

    public ILocator Status => page.GetByRole(AriaRole.Search, new() { Name = "Filter tickets" }).GetByLabel("Status", new() { Exact = true });

    /// <summary>"No tickets yet", with the way to open one next to it.</summary>
    public ILocator EmptyState => page.GetByText("No tickets yet", new() { Exact = true });

    public ILocator OpenATicket => page.GetByRole(AriaRole.Link, new() { Name = "Open a ticket", Exact = true });

    public ILocator RowOf(string subject) =>
        Table.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = subject, Exact = true }) });

    public async Task WaitForAsync()
    {
        await Expect(page).ToHaveURLAsync(Url);
        await Expect(Heading).ToBeVisibleAsync();
        await Expect(Table.Or(EmptyState)).ToBeVisibleAsync();
    }

    public async Task<NewTicketPage> StartNewTicketAsync()
    {
        await OpenATicket.ClickAsync();
        var form = new NewTicketPage(page);
        await form.WaitForAsync();
        return form;
    }

    public async Task<TicketPage> OpenAsync(string subject)
    {
        await RowOf(subject).GetByRole(AriaRole.Link, new() { Name = subject, Exact = true }).ClickAsync();
        var ticket = new TicketPage(page);
        await ticket.WaitForAsync(subject);
        return ticket;
    }
}
