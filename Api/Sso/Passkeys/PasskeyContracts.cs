using System.Text.Json;

namespace Api.Sso.Passkeys;

/// <summary>
/// WebAuthn options as the browser takes them (<c>PublicKeyCredential.parseCreationOptionsFromJSON</c>
/// or <c>parseRequestOptionsFromJSON</c>), exactly as Identity made them.
/// </summary>
public sealed record PasskeyOptionsResponse(JsonElement PublicKey);

/// <summary>The browser's <c>credential.toJSON()</c>; a name for a new passkey (else one is given).</summary>
public sealed record PasskeyCredentialRequest(JsonElement Credential, string? Name = null);

/// <summary>The page the sign-in returns to (a local URL, as the product's authorize request named it); used when no e-mail was typed first (autofill).</summary>
public sealed record PasskeySignInOptionsRequest(string? ReturnUrl);

public sealed record PasskeyRenameRequest(string? Name);

/// <summary>One passkey as its owner sees it. Synced: backed up by its provider (a phone's or browser's password manager); otherwise it lives on one device only.</summary>
public sealed record PasskeySummary(string Id, string Name, DateTime CreatedAt, DateTime? LastUsedAt, bool Synced);

public sealed record PasskeyList(IReadOnlyList<PasskeySummary> Passkeys);
