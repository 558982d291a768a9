using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Api.Sso.MachineClients;

/// <summary>
/// Machine clients of the provider: confidential OpenIddict applications that may use the
/// client-credentials grant and nothing else (no redirect URI, no user, no refresh token). Their
/// tokens carry the client id as subject, the granted scopes and the claims the caller asked for.
/// Secrets are made here (256 random bits), returned once and stored only as OpenIddict's hash.
/// The caller module keeps what it knows about them (who owns one); the SSO knows none of it.
/// </summary>
public sealed class MachineClientRegistry(
    OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication> applications,
    IOptions<MachineClientOptions> options,
    TimeProvider clock)
{
    private MachineClientApplicationManager Manager => applications as MachineClientApplicationManager
        ?? throw new InvalidOperationException("The machine client application manager is not registered (AddMachineClients).");

    /// <summary>Registers a machine client; answers its client id and its secret, which nobody can read again.</summary>
    public async Task<MachineClientCredentials> CreateAsync(
        string displayName, IReadOnlyCollection<string> scopes, IReadOnlyDictionary<string, string> tokenClaims, CancellationToken cancellationToken)
    {
        var unknown = scopes.Where(scope => !options.Value.Scopes.Contains(scope)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Not a machine client scope: {string.Join(", ", unknown)}.", nameof(scopes));
        }

        var credentials = new MachineClientCredentials($"apc-{Guid.NewGuid():N}", NewSecret());
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = credentials.ClientId,
            ClientSecret = credentials.Secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = displayName,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        descriptor.Permissions.UnionWith(scopes.Select(scope => Permissions.Prefixes.Scope + scope));
        foreach (var (name, value) in MachineClientProperties.For(tokenClaims))
        {
            descriptor.Properties[name] = value;
        }

        await applications.CreateAsync(descriptor, cancellationToken);
        return credentials;
    }

    /// <summary>
    /// A new secret, answered once; the current one keeps working for <see cref="MachineClientOptions.PreviousSecretLifetime"/>
    /// (or until retired). A secret older than that is gone: never more than two work. Null when there is no such client.
    /// </summary>
    public async Task<RotatedSecret?> RotateSecretAsync(string clientId, CancellationToken cancellationToken)
    {
        if (await FindAsync(clientId, cancellationToken) is not { } application)
        {
            return null;
        }

        var secret = NewSecret();
        var previousUntil = clock.GetUtcNow() + options.Value.PreviousSecretLifetime;
        await Manager.RotateSecretAsync(application, secret, previousUntil, cancellationToken);
        return new RotatedSecret(secret, previousUntil);
    }

    /// <summary>The previous secret stops working now; false when there was none (or no such client).</summary>
    public async Task<bool> RetirePreviousSecretAsync(string clientId, CancellationToken cancellationToken) =>
        await FindAsync(clientId, cancellationToken) is { } application && await Manager.RetirePreviousSecretAsync(application, cancellationToken);

    /// <summary>
    /// Removes the client: no new token is issued to it, and the tokens it holds are refused at their
    /// next request on every replica (<see cref="MachineClientTokens"/> looks the client up each time).
    /// </summary>
    public async Task RevokeAsync(string clientId, CancellationToken cancellationToken)
    {
        if (await FindAsync(clientId, cancellationToken) is { } application)
        {
            await applications.DeleteAsync(application, cancellationToken);
        }
    }

    /// <summary>Whether the client exists (is not revoked): read from the database on every request, the one truth every replica shares.</summary>
    public async Task<bool> IsActiveAsync(string clientId, CancellationToken cancellationToken) =>
        await FindAsync(clientId, cancellationToken) is not null;

    private async Task<OpenIddictEntityFrameworkCoreApplication?> FindAsync(string clientId, CancellationToken cancellationToken) =>
        await applications.FindByClientIdAsync(clientId, cancellationToken) is { } application
            && MachineClientProperties.IsMachineClient(await applications.GetPropertiesAsync(application, cancellationToken))
            ? application
            : null;

    private static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}

/// <summary>A new machine client's id and secret: the only time the secret is seen.</summary>
public sealed record MachineClientCredentials(string ClientId, string Secret);

/// <summary>A rotation's new secret (seen once) and until when the previous one still works.</summary>
public sealed record RotatedSecret(string Secret, DateTimeOffset PreviousValidUntil);
