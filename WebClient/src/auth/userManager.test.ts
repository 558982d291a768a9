import { OidcClient, User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { describe, expect, it, vi } from 'vitest';
import { portalOidcSettings } from './userManager';

describe('the portal OIDC client', () => {
  const settings = portalOidcSettings('https://portal.example');

  it('follows the contract: same-origin provider, code + PKCE, exact redirect URIs and scopes', () => {
    expect(settings).toMatchObject({
      authority: 'https://portal.example',
      client_id: 'portal-spa',
      redirect_uri: 'https://portal.example/portal/callback',
      silent_redirect_uri: 'https://portal.example/portal/silent-callback',
      post_logout_redirect_uri: 'https://portal.example/',
      response_type: 'code',
      scope: 'openid profile email portal-api offline_access',
    });
  });

  it('keeps tokens in memory: nothing lands in localStorage or sessionStorage', async () => {
    expect(settings.userStore).toBeInstanceOf(WebStorageStateStore);
    const user = new User({
      access_token: 'secret-access-token',
      refresh_token: 'secret-refresh-token',
      token_type: 'Bearer',
      profile: { sub: 'user-1', iss: 'https://portal.example', aud: 'portal-spa', exp: 0, iat: 0 },
    });
    await settings.userStore?.set('user:portal', user.toStorageString());

    expect(await settings.userStore?.get('user:portal')).toContain('secret-access-token');
    expect(JSON.stringify({ ...window.localStorage })).not.toContain('secret-access-token');
    expect(JSON.stringify({ ...window.sessionStorage })).not.toContain('secret-access-token');
    expect(await settings.userStore?.get('user:portal')).toContain('secret-refresh-token');
    expect(JSON.stringify({ ...window.localStorage })).not.toContain('secret-refresh-token');
    expect(JSON.stringify({ ...window.sessionStorage })).not.toContain('secret-refresh-token');
  });

  it('logs out with its ID token as id_token_hint, so the provider ends the session without asking', async () => {
    const manager = new UserManager({
      ...settings,
      metadata: { issuer: 'https://portal.example/', end_session_endpoint: 'https://portal.example/connect/logout' },
    });
    await manager.storeUser(
      new User({
        id_token: 'the-id-token',
        access_token: 'an-access-token',
        token_type: 'Bearer',
        profile: { sub: 'user-1', iss: 'https://portal.example/', aud: 'portal-spa', exp: 0, iat: 0 },
      }),
    );
    // jsdom cannot navigate: stop where the library builds the end-session request, and look at what it was given.
    const createSignoutRequest = vi
      .spyOn(OidcClient.prototype, 'createSignoutRequest')
      .mockRejectedValue(new Error('navigation stops here'));

    await expect(manager.signoutRedirect()).rejects.toThrow('navigation stops here');

    expect(createSignoutRequest).toHaveBeenCalledWith(
      expect.objectContaining({ id_token_hint: 'the-id-token', post_logout_redirect_uri: 'https://portal.example/' }),
    );
  });
});
