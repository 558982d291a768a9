using Microsoft.Playwright;

namespace EndToEnd.Tests.Pages.Admin;

/// <summary>One batch's funnel on the admin home: its table of steps (the numbers a partner reads).</summary>
public sealed class MigrationFunnelPanel(IPage page, string batchName)
{
    public const string Moved = "Moved to Single Sign-On";
    public const string Activated = "Activated their e-mail";
    public const string Enrolled = "Set up an authenticator";
    public const string SignedIn = "Signed in to the portal";

    public ILocator Panel => page.GetByRole(AriaRole.Region, new() { Name = batchName, Exact = true });

    public ILocator Table => Panel.GetByRole(AriaRole.Table, new() { Name = $"Funnel of {batchName}", Exact = true });

    /// <summary>How many reached a step (its row's first number).</summary>
    public ILocator Reached(string step) =>
        Table.GetByRole(AriaRole.Row)
            .Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = step, Exact = true }) })
            .GetByRole(AriaRole.Cell)
            .First;
}
