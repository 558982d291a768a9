using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Pages.Admin;

/// <summary>`/admin/tickets/:ticketId`: one client's ticket as staff see it; Send answer, and the status with Update status.</summary>
public sealed class AdminTicketPage(IPage page)
{
    public static readonly Regex Url = new(@"/admin/tickets/[0-9a-f-]{36}(\?|$)");

    public ILocator Heading(string subject) => page.GetByRole(AriaRole.Heading, new() { Name = subject, Exact = true, Level = 1 });

    public ILocator Answer => page.GetByLabel("Your answer", new() { Exact = true });

    /// <summary>The status the ticket takes with the answer; by default "Waiting for you" when it was Open.</summary>
    public ILocator StatusAfterAnswer => page.GetByLabel("Status after the answer", new() { Exact = true });

    public ILocator SendAnswer => page.GetByRole(AriaRole.Button, new() { Name = "Send answer", Exact = true });

    public ILocator Status => page.GetByLabel("Status", new() { Exact = true });

    public ILocator UpdateStatus => page.GetByRole(AriaRole.Button, new() { Name = "Update status", Exact = true });

    public ILocator Conversation => page.GetByRole(AriaRole.Region, new() { Name = "Conversation", Exact = true });

    public ILocator Download(string fileName) => page.GetByRole(AriaRole.Button, new() { Name = $"Download {fileName}", Exact = true });

    public async Task WaitForAsync(string subject)
    {
        await Expect(page).ToHaveURLAsync(Url);
        await Expect(Heading(subject)).ToBeVisibleAsync();
    }

    public async Task SendAnswerAsync(string text)
    {
        await Answer.FillAsync(text);
        await SendAnswer.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Your answer was sent." })).ToBeVisibleAsync();
        await Expect(Conversation.GetByRole(AriaRole.Listitem).Filter(new() { HasText = text })).ToBeVisibleAsync();
    }
}
