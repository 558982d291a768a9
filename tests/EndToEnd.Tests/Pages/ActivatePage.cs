using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Pages;

/// <summary>`/sso/activate?token=…`: the page the activation e-mail's link opens.</summary>
public sealed class ActivatePage(IPage page)
{
    public static readonly Regex Url = new(@"/sso/activate\?");

    /// <summary>The sentence saying the account is active ("Activating…" while it works does not count).</summary>
    public ILocator Confirmation =>
        page.GetByRole(AriaRole.Status).Filter(new() { HasTextRegex = new Regex(@"\b(active|activated)\b", RegexOptions.IgnoreCase) });

    public ILocator Alert => page.GetByRole(AriaRole.Alert);

    public ILocator BackToPortal => page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("portal", RegexOptions.IgnoreCase) });

    public async Task OpenAsync(Uri link)
    {
        await page.GotoAsync(link.ToString());
        await Expect(page).ToHaveURLAsync(Url);
    }
}
