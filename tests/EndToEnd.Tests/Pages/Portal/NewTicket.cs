namespace EndToEnd.Tests.Pages.Portal;

/// <summary>What a user types into the new-ticket form. Device is the option's visible name (e.g. "TINA-LAPTOP"), or null for none.</summary>
public sealed record NewTicket(string Subject, string Description, string Priority, string? Device, TicketFile? Attachment);

/// <summary>A file the user picks as the ticket's attachment.</summary>
public sealed record TicketFile(string Name, string ContentType, byte[] Content)
{
    /// <summary>A real 1×1 PNG: what a screenshot looks like to the Api's type check.</summary>
    public static TicketFile Screenshot(string name) =>
        new(name, "image/png", Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="));

    public static TicketFile Log(string name, string text) => new(name, "text/plain", System.Text.Encoding.UTF8.GetBytes(text));
}
