/**
 * The SSO login screen's side of a passkey: the sentences for what the browser answers, autofill,
 * and making or using a passkey with the Api's options (the JSON conversion is the one every
 * screen shares, auth/webauthn). Imported lazily by the SSO login screen only, so no other page
 * (and not the portal's own login page) loads it.
 */
import { creationOptionsFromJson, credentialToJson, passkeysSupported, requestOptionsFromJson } from '../../../auth/webauthn';

export { passkeysSupported };

export const notSupportedMessage =
  'This browser cannot use passkeys. Use an authenticator app instead, or try a current browser.';
export const cancelledMessage = 'The passkey request was cancelled or timed out. Try again when you are ready.';
export const alreadyAddedMessage = 'This device already holds a passkey for your account. Sign in with it instead.';
export const failedMessage = 'Your browser could not use a passkey just now. Try again.';

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
  const publicKey = creationOptionsFromJson(options as PublicKeyCredentialCreationOptionsJSON);
  const credential = (await navigator.credentials.create({ publicKey })) as PublicKeyCredential | null;
  if (!credential) throw new DOMException('No passkey was made.', 'NotAllowedError');
  return credentialToJson(credential);
}

/**
 * Asks for a passkey with the Api's request options; answers the credential as JSON. `conditional`:
 * the request waits, without a dialog, until the user picks a passkey from the Email field's autofill.
 */
export async function getPasskey(options: unknown, { conditional = false, signal }: { conditional?: boolean; signal?: AbortSignal } = {}): Promise<unknown> {
  const publicKey = requestOptionsFromJson(options as PublicKeyCredentialRequestOptionsJSON);
  const credential = (await navigator.credentials.get({
    publicKey,
    ...(conditional ? { mediation: 'conditional' as CredentialMediationRequirement } : {}),
    ...(signal ? { signal } : {}),
  })) as PublicKeyCredential | null;
  if (!credential) throw new DOMException('No passkey was chosen.', 'NotAllowedError');
  return credentialToJson(credential);
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
