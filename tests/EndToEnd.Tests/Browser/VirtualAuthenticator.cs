using System.Text.Json;
using Microsoft.Playwright;

namespace EndToEnd.Tests.Browser;

/// <summary>
/// Chromium's virtual authenticator (CDP WebAuthn domain) on one page: a platform authenticator
/// (CTAP2, internal transport) that keeps discoverable passkeys and verifies its user (as a screen
/// lock would), answering every WebAuthn request of that page without a dialog.
/// </summary>
public sealed class VirtualAuthenticator
{
    private readonly ICDPSession session;

    private VirtualAuthenticator(ICDPSession session, string id)
    {
        this.session = session;
        Id = id;
    }

    public string Id { get; }

    /// <summary>Enables the page's virtual WebAuthn environment and adds one authenticator, with the given passkeys already in it.</summary>
    public static async Task<VirtualAuthenticator> AttachAsync(IPage page, IReadOnlyList<JsonElement>? credentials = null)
    {
        var session = await page.Context.NewCDPSessionAsync(page);
        await session.SendAsync("WebAuthn.enable", new() { ["enableUI"] = false });
        var added = await session.SendAsync("WebAuthn.addVirtualAuthenticator", new()
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
        var authenticator = new VirtualAuthenticator(session, added!.Value.GetProperty("authenticatorId").GetString()!);
        foreach (var credential in credentials ?? [])
        {
            await session.SendAsync("WebAuthn.addCredential", new()
            {
                ["authenticatorId"] = authenticator.Id,
                ["credential"] = JsonSerializer.Deserialize<Dictionary<string, object>>(credential.GetRawText())!,
            });
        }

        return authenticator;
    }

    /// <summary>The passkeys it holds (id, relying party, private key, sign count), as CDP describes them.</summary>
    public async Task<IReadOnlyList<JsonElement>> CredentialsAsync()
    {
        var result = await session.SendAsync("WebAuthn.getCredentials", new() { ["authenticatorId"] = Id });
        return [.. result!.Value.GetProperty("credentials").EnumerateArray().Select(c => c.Clone())];
    }

    /// <summary>Takes the authenticator away (the device is out of reach); its passkeys go with it unless kept from <see cref="CredentialsAsync"/>.</summary>
    public async Task RemoveAsync()
    {
        await session.SendAsync("WebAuthn.removeVirtualAuthenticator", new() { ["authenticatorId"] = Id });
        await session.DetachAsync();
    }
}
