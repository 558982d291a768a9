/**
 * The browser's side of a passkey: WebAuthn options from the Api (JSON, as ASP.NET Core Identity
 * made them) in, the credential as JSON out. Imported lazily by the SSO login screen only, so no
 * other page (and not the portal's own login page) loads it. The browser's own
 * `parse…FromJSON` / `toJSON()` are used where they exist; the small fallback below converts the
 * base64url fields for browsers that predate them.
 */

export const notSupportedMessage =
  'This browser cannot use passkeys. Use an authenticator app instead, or try a current browser.';
export const cancelledMessage = 'The passkey request was cancelled or timed out. Try again when you are ready.';
export const alreadyAddedMessage = 'This device already holds a passkey for your account. Sign in with it instead.';
export const failedMessage = 'Your browser could not use a passkey just now. Try again.';

/** WebAuthn exists here at all (a secure context in a browser that knows PublicKeyCredential). */
export function passkeysSupported(): boolean {
  return typeof window.PublicKeyCredential === 'function' && typeof navigator.credentials?.create === 'function';
}

/** Passkey autofill: the browser can offer its passkeys in the Email field's suggestions. */
export async function autofillAvailable(): Promise<boolean> {
  if (!passkeysSupported() || typeof PublicKeyCredential.isConditionalMediationAvailable !== 'function') return false;
  try {
    return await PublicKeyCredential.isConditionalMediationAvailable();
  } catch {
    return false;
  }
}

/** Creates a passkey with the Api's creation options; answers the credential as JSON. */
export async function createPasskey(options: unknown): Promise<unknown> {
  const publicKey = creationOptions(options as PublicKeyCredentialCreationOptionsJSON);
  const credential = (await navigator.credentials.create({ publicKey })) as PublicKeyCredential | null;
  if (!credential) throw new DOMException('No passkey was made.', 'NotAllowedError');
  return credentialJson(credential);
}

/**
 * Asks for a passkey with the Api's request options; answers the credential as JSON. `conditional`:
 * the request waits, without a dialog, until the user picks a passkey from the Email field's autofill.
 */
export async function getPasskey(options: unknown, { conditional = false, signal }: { conditional?: boolean; signal?: AbortSignal } = {}): Promise<unknown> {
  const publicKey = requestOptions(options as PublicKeyCredentialRequestOptionsJSON);
  const credential = (await navigator.credentials.get({
    publicKey,
    ...(conditional ? { mediation: 'conditional' as CredentialMediationRequirement } : {}),
    ...(signal ? { signal } : {}),
  })) as PublicKeyCredential | null;
  if (!credential) throw new DOMException('No passkey was chosen.', 'NotAllowedError');
  return credentialJson(credential);
}

/** The sentence for what the browser threw: cancelled, not supported, already there, or anything else. */
export function passkeyErrorMessage(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'AbortError':
      return cancelledMessage;
    case 'NotSupportedError':
    case 'SecurityError':
      return notSupportedMessage;
    case 'InvalidStateError':
      return alreadyAddedMessage;
    default:
      return failedMessage;
  }
}

/** An abort the page made itself (the user submitted the form instead): not worth a sentence. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function creationOptions(json: PublicKeyCredentialCreationOptionsJSON): PublicKeyCredentialCreationOptions {
  if (typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function') return PublicKeyCredential.parseCreationOptionsFromJSON(json);
  return {
    ...(json as unknown as PublicKeyCredentialCreationOptions),
    challenge: fromBase64Url(json.challenge),
    user: { ...json.user, id: fromBase64Url(json.user.id) },
    excludeCredentials: json.excludeCredentials?.map((c) => ({ ...c, id: fromBase64Url(c.id) } as PublicKeyCredentialDescriptor)),
  };
}

function requestOptions(json: PublicKeyCredentialRequestOptionsJSON): PublicKeyCredentialRequestOptions {
  if (typeof PublicKeyCredential.parseRequestOptionsFromJSON === 'function') return PublicKeyCredential.parseRequestOptionsFromJSON(json);
  return {
    ...(json as unknown as PublicKeyCredentialRequestOptions),
    challenge: fromBase64Url(json.challenge),
    allowCredentials: json.allowCredentials?.map((c) => ({ ...c, id: fromBase64Url(c.id) } as PublicKeyCredentialDescriptor)),
  };
}

/** `credential.toJSON()`, or the same shape (RegistrationResponseJSON / AuthenticationResponseJSON) built by hand. */
function credentialJson(credential: PublicKeyCredential): unknown {
  if (typeof credential.toJSON === 'function') return credential.toJSON() as unknown;
  const response = credential.response;
  const common = { clientDataJSON: toBase64Url(response.clientDataJSON) };
  const body =
    'attestationObject' in response
      ? {
          ...common,
          attestationObject: toBase64Url((response as AuthenticatorAttestationResponse).attestationObject),
          transports: (response as AuthenticatorAttestationResponse).getTransports?.() ?? [],
        }
      : {
          ...common,
          authenticatorData: toBase64Url((response as AuthenticatorAssertionResponse).authenticatorData),
          signature: toBase64Url((response as AuthenticatorAssertionResponse).signature),
          userHandle: (response as AuthenticatorAssertionResponse).userHandle ? toBase64Url((response as AuthenticatorAssertionResponse).userHandle!) : null,
        };
  return {
    id: credential.id,
    rawId: toBase64Url(credential.rawId),
    type: credential.type,
    authenticatorAttachment: credential.authenticatorAttachment,
    clientExtensionResults: credential.getClientExtensionResults(),
    response: body,
  };
}

export function fromBase64Url(text: string): ArrayBuffer {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

export function toBase64Url(buffer: ArrayBuffer): string {
  let binary = '';
  for (const byte of new Uint8Array(buffer)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
