using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Pages.Portal;

/// <summary>`/portal/tickets/:ticketId`: the ticket's facts, description, attachments and conversation; Add comment, Close ticket.</summary>
public sealed class TicketPage(IPage page)
{
    public static readonly Regex Url = new(@"/portal/tickets/[0-9a-f-]{36}(\?|$)");

    public ILocator Heading(string subject) => page.GetByRole(AriaRole.Heading, new() { Name = subject, Exact = true, Level = 1 });

    /// <summary>"Your ticket T-… was opened", shown once after submitting the form.</summary>
    public ILocator OpenedNotice => page.GetByRole(AriaRole.Status).Filter(new() { HasTextRegex = new Regex(@"Your ticket T-[0-9A-F]{8} was opened") });

    /// <summary>A fact of the ticket by its term: Reference, Status, Priority, Device, Opened by, Opened, Last update.</summary>
    public ILocator Fact(string term) =>
        page.Locator("dl > div").Filter(new() { Has = page.Locator("dt", new() { HasTextRegex = new Regex("^" + Regex.Escape(term) + "$") }) }).Locator("dd");

    public ILocator Conversation => page.GetByRole(AriaRole.Region, new() { Name = "Conversation", Exact = true });

    public ILocator Comments => Conversation.GetByRole(AriaRole.Listitem);

    /// <summary>An answer from the IT provider's staff containing the text.</summary>
    public ILocator StaffAnswer(string text) => Comments.Filter(new() { HasText = "(IT support)" }).Filter(new() { HasText = text });

    public ILocator Download(string fileName) => page.GetByRole(AriaRole.Button, new() { Name = $"Download {fileName}", Exact = true });

    public ILocator YourComment => page.GetByLabel("Your comment", new() { Exact = true });

    public ILocator AddComment => page.GetByRole(AriaRole.Button, new() { Name = "Add comment", Exact = true });

    public ILocator CloseTicket => page.GetByRole(AriaRole.Button, new() { Name = "Close ticket", Exact = true });

    public async Task WaitForAsync(string subject)
    {
        await Expect(page).ToHaveURLAsync(Url);
        await Expect(Heading(subject)).ToBeVisibleAsync();
    }

    /// <summary>The ticket's reference as the page shows it: "T-" and eight hex digits.</summary>
    public async Task<string> ReferenceAsync()
    {
        await Expect(Fact("Reference")).ToHaveTextAsync(new Regex(@"^T-[0-9A-F]{8}$"));
        return (await Fact("Reference").InnerTextAsync()).Trim();
    }

    /// <summary>Downloads the attachment as the user does (the page fetches it with the token and hands the browser a file).</summary>
    public async Task<byte[]> DownloadAsync(string fileName)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => Download(fileName).ClickAsync());
        Assert.Equal(fileName, download.SuggestedFilename);
        return await File.ReadAllBytesAsync(await download.PathAsync());
    }

    public async Task CommentAsync(string text)
    {
        await YourComment.FillAsync(text);
        await AddComment.ClickAsync();
        await Expect(Comments.Filter(new() { HasText = text })).ToBeVisibleAsync();
    }
}
