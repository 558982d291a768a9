using Api.Sso.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Api.Sso.Passkeys;

/// <summary>What the passkey endpoints need beside the sign-in bundle: Identity's WebAuthn handler and the ceremony store.</summary>
public sealed class PasskeyServices(IPasskeyHandler<SsoAccount> handler, PasskeyCeremonies ceremonies)
{
    public IPasskeyHandler<SsoAccount> Handler { get; } = handler;
    public PasskeyCeremonies Ceremonies { get; } = ceremonies;
}
