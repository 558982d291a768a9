/*
 * WebAuthn between the SSO's JSON and the browser's binary API. The server sends the options as
 * JSON (ArrayBuffers as base64url) and takes the credential's `toJSON()`. Browsers with the
 * WebAuthn Level 3 helpers (`parseCreationOptionsFromJSON`, `toJSON`) do the conversion
 * themselves; for the others (Safari before 18.4, Firefox before 119) a small base64url
 * conversion does the same. Kept free of React and of the Api client so any screen can import it.
 */

/** Whether this browser can make and use passkeys at all. */
export function passkeysSupported(): boolean {
  return typeof window !== 'undefined' && typeof window.PublicKeyCredential === 'function' && !!navigator.credentials;
}

export function base64UrlToBuffer(value: string): ArrayBuffer {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(value.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

export function bufferToBase64Url(buffer: ArrayBuffer | ArrayBufferView): string {
  const bytes = buffer instanceof ArrayBuffer ? new Uint8Array(buffer) : new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function descriptors(list: PublicKeyCredentialDescriptorJSON[] | undefined): PublicKeyCredentialDescriptor[] | undefined {
  return list?.map((item) => ({ ...item, type: 'public-key', id: base64UrlToBuffer(item.id) }) as PublicKeyCredentialDescriptor);
}

export function creationOptionsFromJson(json: PublicKeyCredentialCreationOptionsJSON): PublicKeyCredentialCreationOptions {
  if (typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function') return PublicKeyCredential.parseCreationOptionsFromJSON(json);
  return {
    ...json,
    challenge: base64UrlToBuffer(json.challenge),
    user: { ...json.user, id: base64UrlToBuffer(json.user.id) },
    excludeCredentials: descriptors(json.excludeCredentials),
  } as PublicKeyCredentialCreationOptions;
}

export function requestOptionsFromJson(json: PublicKeyCredentialRequestOptionsJSON): PublicKeyCredentialRequestOptions {
  if (typeof PublicKeyCredential.parseRequestOptionsFromJSON === 'function') return PublicKeyCredential.parseRequestOptionsFromJSON(json);
  return {
    ...json,
    challenge: base64UrlToBuffer(json.challenge),
    allowCredentials: descriptors(json.allowCredentials),
  } as PublicKeyCredentialRequestOptions;
}

/** The credential as the server reads it: the browser's own `toJSON()`, else the same shape by hand. */
export function credentialToJson(credential: PublicKeyCredential): unknown {
  if (typeof credential.toJSON === 'function') return credential.toJSON();
  const response = credential.response;
  const common = { clientDataJSON: bufferToBase64Url(response.clientDataJSON) };
  const attestation = response as AuthenticatorAttestationResponse;
  const assertion = response as AuthenticatorAssertionResponse;
  return {
    id: credential.id,
    rawId: bufferToBase64Url(credential.rawId),
    type: credential.type,
    authenticatorAttachment: credential.authenticatorAttachment ?? undefined,
    clientExtensionResults: credential.getClientExtensionResults(),
    response:
      'attestationObject' in response
        ? {
            ...common,
            attestationObject: bufferToBase64Url(attestation.attestationObject),
            transports: typeof attestation.getTransports === 'function' ? attestation.getTransports() : [],
          }
        : {
            ...common,
            authenticatorData: bufferToBase64Url(assertion.authenticatorData),
            signature: bufferToBase64Url(assertion.signature),
            userHandle: assertion.userHandle ? bufferToBase64Url(assertion.userHandle) : null,
          },
  };
}

/** What the browser said when the person cancelled, timed out, or already has this passkey. */
export function isPasskeyCancelled(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'NotAllowedError' || error.name === 'AbortError');
}

/**
 * Makes a passkey with the server's creation options and returns its JSON for the server; null
 * when the person cancelled (the browser says no more than that, by design).
 */
export async function createPasskey(options: PublicKeyCredentialCreationOptionsJSON): Promise<unknown> {
  try {
    const credential = await navigator.credentials.create({ publicKey: creationOptionsFromJson(options) });
    return credential ? credentialToJson(credential as PublicKeyCredential) : null;
  } catch (error) {
    if (isPasskeyCancelled(error)) return null;
    throw error;
  }
}

/** Signs in with a passkey (the server's request options); null when the person cancelled. */
export async function getPasskey(options: PublicKeyCredentialRequestOptionsJSON, mediation?: CredentialMediationRequirement, signal?: AbortSignal): Promise<unknown> {
  try {
    const credential = await navigator.credentials.get({ publicKey: requestOptionsFromJson(options), mediation, signal });
    return credential ? credentialToJson(credential as PublicKeyCredential) : null;
  } catch (error) {
    if (isPasskeyCancelled(error)) return null;
    throw error;
  }
}
