using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Pages.Portal;

/// <summary>`/portal/tickets/new`: Subject, Description, Priority, Device (optional), Attachment (optional) → Submit ticket.</summary>
public sealed class NewTicketPage(IPage page)
{
    public static readonly Regex Url = new(@"/portal/tickets/new(\?|$)");

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Open a ticket", Exact = true, Level = 1 });

    public ILocator Subject => page.GetByLabel("Subject", new() { Exact = true });

    public ILocator Description => page.GetByLabel("Description", new() { Exact = true });

    public ILocator Priority => page.GetByLabel("Priority", new() { Exact = true });

    public ILocator Device => page.GetByLabel("Device", new() { Exact = true });

    public ILocator Attachment => page.GetByLabel("Attachment", new() { Exact = true });

    public ILocator Submit => page.GetByRole(AriaRole.Button, new() { Name = "Submit ticket", Exact = true });

    public ILocator Alert => page.GetByRole(AriaRole.Alert);

    public async Task WaitForAsync()
    {
        await Expect(page).ToHaveURLAsync(Url);
        await Expect(Heading).ToBeVisibleAsync();
        // The device list has loaded once the select offers more than "No particular device".
        await Expect(Device.Locator("option").Nth(1)).ToBeAttachedAsync();
    }

    /// <summary>The device the form has chosen, as the user reads it ("TINA-LAPTOP (Laptop)").</summary>
    public Task<string> ChosenDeviceAsync() => Device.EvaluateAsync<string>("select => select.selectedOptions[0]?.textContent ?? ''");

    public async Task FillAsync(NewTicket ticket)
    {
        await Subject.FillAsync(ticket.Subject);
        await Description.FillAsync(ticket.Description);
        await Priority.SelectOptionAsync(new SelectOptionValue { Label = ticket.Priority });
        if (ticket.Device is not null)
        {
            // Options read "NAME (Type)": pick by the name the user knows.
            var label = await Device.Locator("option").Filter(new() { HasTextRegex = new Regex("^" + Regex.Escape(ticket.Device) + @"\b") }).First.TextContentAsync();
            await Device.SelectOptionAsync(new SelectOptionValue { Label = label });
        }

        if (ticket.Attachment is { } file)
        {
            await Attachment.SetInputFilesAsync(new FilePayload { Name = file.Name, MimeType = file.ContentType, Buffer = file.Content });
        }
    }

    /// <summary>Submits the filled form; lands on the new ticket's page.</summary>
    public async Task<TicketPage> SubmitAsync(string subject)
    {
        await Submit.ClickAsync();
        var ticket = new TicketPage(page);
        await ticket.WaitForAsync(subject);
        return ticket;
    }
}
