using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Pages.Portal;

/// <summary>
/// Edit Profile → Passkeys (migrated users): the list, Add a passkey, Rename inline, and Remove
/// with its confirmation dialog (whose refusals show inside the dialog).
/// </summary>
public sealed partial class PasskeysSection(IPage page)
{
    public ILocator Region => page.GetByRole(AriaRole.Region, new() { Name = "Passkeys", Exact = true });

    public ILocator Items => Region.GetByRole(AriaRole.Listitem);

    public ILocator AddPasskey => Region.GetByRole(AriaRole.Button, new() { Name = "Add a passkey", Exact = true });

    /// <summary>"… was added. You can now sign in with it." / "… was removed."</summary>
    public ILocator Notice => Region.GetByRole(AriaRole.Status);

    public ILocator RemoveButton(string name) => Region.GetByRole(AriaRole.Button, new() { Name = $"Remove {name}", Exact = true });

    public ILocator RemoveDialog(string name) => page.GetByRole(AriaRole.Dialog, new() { Name = $"Remove {name}?", Exact = true });

    public async Task WaitForAsync()
    {
        await Expect(Region).ToBeVisibleAsync();
        await Expect(Items.First.Or(Region.GetByText("You have no passkeys yet."))).ToBeVisibleAsync();
    }

    /// <summary>The name the list shows for the passkey at this position.</summary>
    public Task<string> NameAtAsync(int index) => Items.Nth(index).Locator("strong").InnerTextAsync();

    public async Task RenameAsync(string current, string name)
    {
        await Region.GetByRole(AriaRole.Button, new() { Name = $"Rename {current}", Exact = true }).ClickAsync();
        var form = Region.GetByRole(AriaRole.Form, new() { Name = $"Rename {current}", Exact = true });
        await form.GetByLabel("Passkey name").FillAsync(name);
        await form.GetByRole(AriaRole.Button, new() { Name = "Save name", Exact = true }).ClickAsync();
        await Expect(RemoveButton(name)).ToBeVisibleAsync();
    }

    /// <summary>Add a passkey → the device makes it → the notice names it; returns that name.</summary>
    public async Task<string> AddAsync()
    {
        await AddPasskey.ClickAsync();
        await Expect(Notice).ToContainTextAsync("was added. You can now sign in with it.");
        return AddedName().Match(await Notice.InnerTextAsync()).Groups[1].Value;
    }

    /// <summary>Remove → the confirmation dialog (open afterwards when the SSO refuses, with its sentence as an alert).</summary>
    public async Task<ILocator> RemoveAsync(string name)
    {
        await RemoveButton(name).ClickAsync();
        var dialog = RemoveDialog(name);
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Remove passkey", Exact = true }).ClickAsync();
        return dialog;
    }

    /// <summary>Cancel in the open confirmation: the dialog closes, the passkey stays.</summary>
    public async Task CancelRemoveAsync(string name)
    {
        await RemoveDialog(name).GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();
        await Expect(RemoveDialog(name)).ToHaveCountAsync(0);
    }

    [GeneratedRegex("^(.+) was added\\.")]
    private static partial Regex AddedName();
}
