using Microsoft.Playwright;

namespace EndToEnd.Tests.Pages.Portal;

/// <summary>`/portal/help`: the Single Sign-On steps, what "Activate your email account" means, Forgot Password, and whom to contact.</summary>
public sealed class HelpPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Help", Exact = true, Level = 1 });

    public ILocator Section(string heading) => page.GetByRole(AriaRole.Region, new() { Name = heading });

    public ILocator WhomToContact => Section("Whom to contact");
}
