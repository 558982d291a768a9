using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Pages.Admin;

/// <summary>`/admin/tickets`: the tickets of the partner's clients (an operator: all), filtered and paged by the Api.</summary>
public sealed class AdminTicketsPage(IPage page)
{
    public static readonly Regex Url = new(@"/admin/tickets/?(\?.*)?$");

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Tickets", Exact = true, Level = 1 });

    public ILocator Table => page.GetByRole(AriaRole.Table, new() { Name = "Tickets", Exact = true });

    public ILocator Filters => page.GetByRole(AriaRole.Search, new() { Name = "Filter tickets" });

    public ILocator RowOf(string subject) =>
        Table.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = subject, Exact = true }) });

    public async Task OpenFromNavigationAsync()
    {
        await new AdminNavigation(page).Link("Tickets").ClickAsync();
        await Expect(page).ToHaveURLAsync(Url);
        await Expect(Heading).ToBeVisibleAsync();
    }

    public async Task<AdminTicketPage> OpenAsync(string subject)
    {
        await RowOf(subject).GetByRole(AriaRole.Link, new() { Name = subject, Exact = true }).ClickAsync();
        var ticket = new AdminTicketPage(page);
        await ticket.WaitForAsync(subject);
        return ticket;
    }
}
