import { onTestFinished, vi } from 'vitest';

/** WebAuthn options as the Api sends them (base64url fields). */
export const creationOptions = {
  publicKey: {
    rp: { id: 'localhost', name: 'Platform SSO' },
    user: { id: 'dXNlci0x', name: 'ada@contoso.example', displayName: 'Ada' },
    challenge: 'AQIDBA',
    pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    attestation: 'none',
  },
};

export const requestOptions = {
  publicKey: { challenge: 'BQYHCA', rpId: 'localhost', userVerification: 'required', allowCredentials: [] },
};

/** What the fake browser's `credential.toJSON()` answers. */
export const credentialJson = { id: 'Y3JlZC0x', rawId: 'Y3JlZC0x', type: 'public-key', response: { clientDataJSON: 'e30' } };

export const fakeCredential = { toJSON: () => credentialJson };

/**
 * A browser with WebAuthn: `PublicKeyCredential` (its JSON parsers and conditional mediation as
 * given) and `navigator.credentials`, both removed after the test.
 */
export function stubWebAuthn({
  create = () => Promise.resolve(fakeCredential),
  get = () => Promise.resolve(fakeCredential),
  conditional = false,
}: {
  create?: (options: CredentialCreationOptions) => Promise<unknown>;
  get?: (options: CredentialRequestOptions) => Promise<unknown>;
  conditional?: boolean;
} = {}) {
  const credentials = { create: vi.fn(create), get: vi.fn(get), autofillAsked: vi.fn(() => Promise.resolve(conditional)) };
  // Without parse…FromJSON, as in browsers that predate them: the page's own base64url fallback runs.
  vi.stubGlobal('PublicKeyCredential', Object.assign(function PublicKeyCredential() {}, {
    isConditionalMediationAvailable: credentials.autofillAsked,
  }));
  Object.defineProperty(window.navigator, 'credentials', { configurable: true, value: credentials });
  onTestFinished(() => {
    Reflect.deleteProperty(window.navigator, 'credentials');
  });
  return credentials;
}

/** The user cancels the browser's passkey dialog. */
export const cancelled = () => Promise.reject(new DOMException('The operation either timed out or was not allowed.', 'NotAllowedError'));

/** A request that waits until the page aborts it (a conditional request nobody answers). */
export function pendingUntilAborted(options: CredentialRequestOptions): Promise<unknown> {
  return new Promise((_, reject) => {
    options.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
  });
}

export const bytes = (buffer: unknown) => Array.from(new Uint8Array(buffer as ArrayBuffer));
