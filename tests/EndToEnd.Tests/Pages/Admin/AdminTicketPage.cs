using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Pages.Admin;

/// <summary>`/admin/tickets/:ticketId`: one client's ticket as staff see it; Send answer, and the status with Update status.</summary>
public sealed class AdminTicketPage(IPage page)
{
    public static readonly Regex Url = new(@"/admin/tickets/[0-9a-f-]{36}(\?|$)");

    public ILocator Heading(string subject) => page.GetByRole(AriaRole.Heading, new() { Name = subject, Exact = true, Level = 1 });

    public ILocator Answer => page.GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex("answer", RegexOptions.IgnoreCase) });

    public ILocator SendAnswer => page.GetByRole(AriaRole.Button, new() { Name = "Send answer", Exact = true });

    public ILocator Status => page.GetByRole(AriaRole.Combobox, new() { NameRegex = new Regex("^Status$") });

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
        await Expect(Conversation.GetByRole(AriaRole.Listitem).Filter(new() { HasText = text })).ToBeVisibleAsync();
    }
}
