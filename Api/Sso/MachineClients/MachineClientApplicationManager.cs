using Api.Shared.Limits;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;

namespace Api.Sso.MachineClients;

/// <summary>
/// OpenIddict's application manager, with what machine clients need and OpenIddict keeps one of: a
/// second secret. A rotation moves the current hash (OpenIddict's own PBKDF2 hash, never the secret)
/// into the application's properties with an end date, and the new secret is hashed as OpenIddict
/// always does; a secret is valid when it matches either. A machine client's failed authentications
/// are counted per client id (a unit taken before the hash is checked, given back on success), and
/// once they reach the limit no secret is checked until the window ends (<see cref="ClientAuthenticationThrottle"/>).
/// </summary>
public sealed class MachineClientApplicationManager(
    IOpenIddictApplicationCache<OpenIddictEntityFrameworkCoreApplication> cache,
    ILogger<OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<OpenIddictEntityFrameworkCoreApplication> store,
    ClientAuthenticationThrottle throttle,
    TimeProvider clock)
    : OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>(cache, logger, options, store)
{
    public override async ValueTask<bool> ValidateClientSecretAsync(
        OpenIddictEntityFrameworkCoreApplication application, string secret, CancellationToken cancellationToken = default)
    {
        var properties = await Store.GetPropertiesAsync(application, cancellationToken);
        if (!MachineClientProperties.IsMachineClient(properties))
        {
            return await base.ValidateClientSecretAsync(application, secret, cancellationToken);
        }

        var clientId = await Store.GetClientIdAsync(application, cancellationToken) ?? "";
        if (!await throttle.TryTakeAsync(clientId))
        {
            return false;
        }

        var valid = await base.ValidateClientSecretAsync(application, secret, cancellationToken)
            || (PreviousSecret.From(properties) is { } previous && previous.Until > clock.GetUtcNow()
                && await ValidateClientSecretAsync(secret, previous.Hash, cancellationToken));
        if (valid)
        {
            await throttle.GiveBackAsync(clientId);
        }

        return valid;
    }

    /// <summary>Makes <paramref name="secret"/> the client's secret; the one it replaces keeps working until <paramref name="previousUntil"/>.</summary>
    public async ValueTask RotateSecretAsync(
        OpenIddictEntityFrameworkCoreApplication application, string secret, DateTimeOffset previousUntil, CancellationToken cancellationToken)
    {
        var current = await Store.GetClientSecretAsync(application, cancellationToken)
            ?? throw new InvalidOperationException("A machine client always has a secret.");
        var properties = await Store.GetPropertiesAsync(application, cancellationToken);
        await Store.SetPropertiesAsync(application, new PreviousSecret(current, previousUntil).WriteTo(properties), cancellationToken);
        // Hashes the new secret and saves both (with OpenIddict's concurrency check).
        await UpdateAsync(application, secret, cancellationToken);
    }

    /// <summary>The previous secret stops working now. False when there was none.</summary>
    public async ValueTask<bool> RetirePreviousSecretAsync(OpenIddictEntityFrameworkCoreApplication application, CancellationToken cancellationToken)
    {
        var properties = await Store.GetPropertiesAsync(application, cancellationToken);
        if (!properties.ContainsKey(PreviousSecret.PropertyName))
        {
            return false;
        }

        await Store.SetPropertiesAsync(application, properties.Remove(PreviousSecret.PropertyName), cancellationToken);
        await UpdateAsync(application, cancellationToken);
        return true;
    }
}
