using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Pages;

/// <summary>`/portal`: the signed-in home.</summary>
public sealed class PortalHomePage(IPage page)
{
    public static readonly Regex Url = new(@"/portal/?(\?.*)?$");

    /// <summary>Any welcome heading at all: portal data for whoever is signed in.</summary>
    public ILocator AnyWelcome => page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("Welcome,") });

    public ILocator LogOut => page.GetByRole(AriaRole.Button, new() { Name = "Log out", Exact = true });

    public ILocator EditProfile => page.GetByRole(AriaRole.Link, new() { Name = "Edit Profile", Exact = true });

    public ILocator Welcome(string name) =>
        page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex($"Welcome, {Regex.Escape(name)}") });

    /// <summary>Waits until the portal shows this user's home (the OIDC callback has completed).</summary>
    public async Task WaitForAsync(string name)
    {
        await Expect(Welcome(name)).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(Url);
    }

    public async Task<EditProfilePage> OpenEditProfileAsync()
    {
        await EditProfile.ClickAsync();
        var profile = new EditProfilePage(page);
        await profile.WaitForAsync();
        return profile;
    }
}
