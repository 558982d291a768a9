using Microsoft.Playwright;

namespace EndToEnd.Tests.Pages.Admin;

/// <summary>Settings > Account Administration > Audit: the partner's admin actions, newest first.</summary>
public sealed class AuditPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Audit", Exact = true, Level = 1 });

    public ILocator Table => page.GetByRole(AriaRole.Table);

    /// <summary>The row of an action on a target, as the page words it, e.g. ("End user disabled", "Kim Signedin").</summary>
    public ILocator Entry(string action, string target) =>
        Table.GetByRole(AriaRole.Row).Filter(new() { HasText = action }).Filter(new() { HasText = target });
}
