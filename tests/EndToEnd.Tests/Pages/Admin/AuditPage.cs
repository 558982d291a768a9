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

    /// <summary>An entry's time as the page shows it (its first cell), in the browser's time zone.</summary>
    public static ILocator TimeOf(ILocator entry) => entry.GetByRole(AriaRole.Cell).First;

    /// <summary>Export CSV → the downloaded file's lines (header first).</summary>
    public async Task<string[]> ExportAsync()
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export CSV" }).ClickAsync());
        return (await File.ReadAllLinesAsync(await download.PathAsync())).Where(line => line.Length > 0).ToArray();
    }
}
