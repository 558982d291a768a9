import { afterEach, describe, expect, it, vi } from 'vitest';
import { base64UrlToBuffer, bufferToBase64Url, creationOptionsFromJson, credentialToJson } from './webauthn';

const bytes = (...values: number[]) => new Uint8Array(values).buffer;

describe('WebAuthn JSON for browsers without the Level 3 helpers', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('turns base64url into bytes and back, without padding and with the URL-safe letters', () => {
    const value = bytes(0xfb, 0xff, 0xfe, 0x00);
    expect(bufferToBase64Url(value)).toBe('-__-AA');
    expect(new Uint8Array(base64UrlToBuffer('-__-AA'))).toEqual(new Uint8Array(value));
  });

  it("uses the browser's own parser when it has one", () => {
    const parsed = { challenge: bytes(1) };
    const parseCreationOptionsFromJSON = vi.fn(() => parsed);
    vi.stubGlobal('PublicKeyCredential', Object.assign(function PublicKeyCredential() {}, { parseCreationOptionsFromJSON }));
    const json = { challenge: 'AQ', rp: { name: 'Portal' }, user: { id: 'AQ', name: 'a', displayName: 'A' }, pubKeyCredParams: [] };

    expect(creationOptionsFromJson(json)).toBe(parsed);
    expect(parseCreationOptionsFromJSON).toHaveBeenCalledWith(json);
  });

  it('writes a new credential as toJSON() would', () => {
    const credential = {
      id: 'AQI',
      rawId: bytes(1, 2),
      type: 'public-key',
      authenticatorAttachment: 'platform',
      getClientExtensionResults: () => ({ credProps: { rk: true } }),
      response: { clientDataJSON: bytes(0x7b, 0x7d), attestationObject: bytes(0xa3), getTransports: () => ['internal'] },
    } as unknown as PublicKeyCredential;

    expect(credentialToJson(credential)).toEqual({
      id: 'AQI',
      rawId: 'AQI',
      type: 'public-key',
      authenticatorAttachment: 'platform',
      clientExtensionResults: { credProps: { rk: true } },
      response: { clientDataJSON: 'e30', attestationObject: 'ow', transports: ['internal'] },
    });
  });

  it('writes an assertion as toJSON() would', () => {
    const credential = {
      id: 'AQI',
      rawId: bytes(1, 2),
      type: 'public-key',
      authenticatorAttachment: null,
      getClientExtensionResults: () => ({}),
      response: { clientDataJSON: bytes(0x7b, 0x7d), authenticatorData: bytes(5), signature: bytes(6), userHandle: null },
    } as unknown as PublicKeyCredential;

    expect(credentialToJson(credential)).toMatchObject({
      response: { clientDataJSON: 'e30', authenticatorData: 'BQ', signature: 'Bg', userHandle: null },
    });
  });
});
