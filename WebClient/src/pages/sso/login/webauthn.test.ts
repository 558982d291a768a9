import { describe, expect, it } from 'vitest';
import { bytes, creationOptions, stubWebAuthn } from '../../../test/webauthn';
import { base64UrlToBuffer as fromBase64Url, bufferToBase64Url as toBase64Url } from '../../../auth/webauthn';
import { cancelledMessage, createPasskey, notSupportedMessage, passkeyErrorMessage } from './webauthn';

const buffer = (values: number[]) => new Uint8Array(values).buffer;

describe('the browser side of a passkey', () => {
  it('converts base64url both ways, without padding and with the URL alphabet', () => {
    const values = [251, 255, 191, 0, 1];
    expect(toBase64Url(buffer(values))).toBe('-_-_AAE');
    expect(bytes(fromBase64Url('-_-_AAE'))).toEqual(values);
  });

  it('builds the credential JSON by hand in a browser without toJSON()', async () => {
    stubWebAuthn({
      create: () =>
        Promise.resolve({
          id: 'AQI',
          rawId: buffer([1, 2]),
          type: 'public-key',
          authenticatorAttachment: 'platform',
          getClientExtensionResults: () => ({}),
          response: { clientDataJSON: buffer([123, 125]), attestationObject: buffer([3]), getTransports: () => ['internal'] },
        }),
    });

    expect(await createPasskey(creationOptions.publicKey)).toEqual({
      id: 'AQI',
      rawId: 'AQI',
      type: 'public-key',
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
      response: { clientDataJSON: 'e30', attestationObject: 'Aw', transports: ['internal'] },
    });
  });

  it('names what went wrong in a sentence a user can act on', () => {
    expect(passkeyErrorMessage(new DOMException('x', 'NotAllowedError'))).toBe(cancelledMessage);
    expect(passkeyErrorMessage(new DOMException('x', 'NotSupportedError'))).toBe(notSupportedMessage);
    expect(passkeyErrorMessage(new Error('x'))).not.toMatch(/Error|x/);
  });
});
