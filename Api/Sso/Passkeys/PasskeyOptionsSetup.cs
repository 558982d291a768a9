using Api.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Api.Sso.Passkeys;

/// <summary>
/// WebAuthn as the SSO asks for it: the relying party is the host of <c>Identity:Issuer</c> (the
/// portal's public origin), and only that origin may answer; the authenticator must verify the
/// user (PIN or biometric, so the passkey alone is two factors); the credential must be
/// discoverable (e-mail-less sign-in and autofill); no attestation is asked for (we trust no
/// vendor list, and "none" keeps the browser from showing a privacy prompt).
/// </summary>
internal sealed class PasskeyOptionsSetup(IConfiguration configuration) : IConfigureOptions<IdentityPasskeyOptions>
{
    public static readonly TimeSpan CeremonyLifetime = TimeSpan.FromMinutes(5);

    public void Configure(IdentityPasskeyOptions options)
    {
        var origin = new Uri(PublicOrigin.Of(configuration));
        var allowed = origin.GetLeftPart(UriPartial.Authority);
        options.ServerDomain = origin.Host;
        options.UserVerificationRequirement = "required";
        options.ResidentKeyRequirement = "required";
        options.AttestationConveyancePreference = "none";
        options.AuthenticatorTimeout = CeremonyLifetime;
        options.ValidateOrigin = context => ValueTask.FromResult(
            !context.CrossOrigin && string.Equals(context.Origin, allowed, StringComparison.OrdinalIgnoreCase));
    }
}
