using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Pages.Admin;

/// <summary>
/// Settings > API clients (`/admin/settings/api-clients`), partner admins: create an API client and
/// read its secret (shown once), rotate its secret, retire the old one, revoke it.
/// </summary>
public sealed class ApiClientsPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "API clients", Exact = true, Level = 1 });

    public ILocator Notice => page.GetByRole(AriaRole.Status).Filter(new() { HasText = "“" });

    public ILocator RowOf(string name) => page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = name, Exact = true }) });

    public async Task<ApiClientsPage> OpenAsync()
    {
        var navigation = new AdminNavigation(page);
        await navigation.Link("Settings").ClickAsync();
        await navigation.Link("API clients").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/admin/settings/api-clients"));
        await Expect(Heading).ToBeVisibleAsync();
        return this;
    }

    /// <summary>Creates an API client with these scopes ("admin.read", "admin.write", "scim"); answers its client ID and its secret, read from the one dialog that shows it.</summary>
    public async Task<ApiClientCredentials> CreateAsync(string name, params string[] scopes)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Create API client", Exact = true }).ClickAsync();
        var form = page.GetByRole(AriaRole.Dialog, new() { Name = "Create API client" });
        await form.GetByLabel("Name", new() { Exact = false }).First.FillAsync(name);
        foreach (var scope in scopes)
        {
            await form.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex($"^{Regex.Escape(scope)} ") }).CheckAsync();
        }

        await form.GetByRole(AriaRole.Button, new() { Name = "Create API client", Exact = true }).ClickAsync();
        return await ReadSecretAsync($"API client “{name}” created");
    }

    /// <summary>Rotate secret, confirmed: answers the new secret (the old one keeps working until retired).</summary>
    public async Task<ApiClientCredentials> RotateSecretAsync(string name)
    {
        await ActAsync(name, "Rotate secret", "Rotate secret");
        return await ReadSecretAsync($"New secret for “{name}”");
    }

    public Task RetireOldSecretAsync(string name) => ActAsync(name, "Retire old secret", "Retire old secret");

    /// <summary>Revoke, confirmed: the row says Revoked.</summary>
    public async Task RevokeAsync(string name)
    {
        await ActAsync(name, "Revoke", "Revoke");
        await Expect(RowOf(name)).ToContainTextAsync("Revoked");
    }

    private async Task ActAsync(string name, string action, string confirm)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Actions for {name}", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = action, Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = confirm, Exact = true }).ClickAsync();
        await Expect(dialog.Filter(new() { HasText = "?" })).ToHaveCountAsync(0);
    }

    private async Task<ApiClientCredentials> ReadSecretAsync(string dialogName)
    {
        var shown = page.GetByRole(AriaRole.Dialog, new() { Name = dialogName });
        await Expect(shown.GetByText("You will not see it again")).ToBeVisibleAsync();
        var credentials = new ApiClientCredentials(
            (await shown.GetByTestId("api-client-id").InnerTextAsync()).Trim(),
            (await shown.GetByTestId("api-client-secret").InnerTextAsync()).Trim());
        await shown.GetByRole(AriaRole.Button, new() { Name = "Done", Exact = true }).ClickAsync();
        await Expect(shown).ToHaveCountAsync(0);
        return credentials;
    }
}

/// <summary>What a partner admin copies from the dialog: the client ID and its secret.</summary>
public sealed record ApiClientCredentials(string ClientId, string Secret);
