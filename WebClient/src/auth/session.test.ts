import { OidcClient, User, UserManager, type SigninResponse } from 'oidc-client-ts';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';

// The real oidc-client-ts with its in-memory user store; only the network (token endpoint) and the
// hidden iframe (jsdom cannot run the provider) are stood in for.
type Internals = { _signin: (...args: unknown[]) => Promise<User> };

const profile = { sub: 'user-1', iss: 'http://localhost:3000', aud: 'portal-spa', exp: 0, iat: 0 };

function tokens(accessToken: string, refreshToken: string): SigninResponse {
  return {
    access_token: accessToken,
    refresh_token: refreshToken,
    token_type: 'Bearer',
    expires_in: 300,
    scope: 'openid profile email portal-api offline_access',
    profile,
  } as unknown as SigninResponse;
}

async function freshPage() {
  // A reload: new modules, a new UserManager, an empty in-memory store.
  vi.resetModules();
  const session = await import('./session');
  return { session, manager: await session.userManager() };
}

describe('renewing the portal session', () => {
  let refreshGrant: MockInstance<OidcClient['useRefreshToken']>;
  let silentIframe: MockInstance<Internals['_signin']>;

  beforeEach(() => {
    refreshGrant = vi.spyOn(OidcClient.prototype, 'useRefreshToken');
    silentIframe = vi
      .spyOn(UserManager.prototype as unknown as Internals, '_signin')
      .mockImplementation(async function (this: UserManager) {
        // What the real sign-in ends with: the user stored (in memory).
        const user = new User({ access_token: 'from-iframe', refresh_token: 'refresh-from-iframe', token_type: 'Bearer', profile });
        await this.storeUser(user);
        return user;
      });
  });

  afterEach(() => {
    window.localStorage.clear();
    window.sessionStorage.clear();
  });

  it('after a reload renews with a silent prompt=none sign-in, not a refresh grant', async () => {
    const { session } = await freshPage();

    const user = await session.renewSession();

    expect(user?.access_token).toBe('from-iframe');
    expect(silentIframe).toHaveBeenCalledWith(expect.objectContaining({ prompt: 'none', request_type: 'si:s' }), expect.anything(), undefined);
    expect(refreshGrant).not.toHaveBeenCalled();
  });

  it('with a refresh token in memory uses the refresh grant, keeps the rotated token in memory only', async () => {
    const { session, manager } = await freshPage();
    await session.renewSession();
    refreshGrant.mockResolvedValue(tokens('access-2', 'refresh-2'));

    const user = await session.renewSession();

    expect(user?.access_token).toBe('access-2');
    expect(refreshGrant).toHaveBeenCalledTimes(1);
    expect(refreshGrant.mock.calls[0]?.[0].state.refresh_token).toBe('refresh-from-iframe');
    expect((await manager.getUser())?.refresh_token).toBe('refresh-2');
    const webStorage = JSON.stringify({ ...window.localStorage }) + JSON.stringify({ ...window.sessionStorage });
    expect(webStorage).not.toContain('refresh-2');
    expect(webStorage).not.toContain('access-2');
  });

  it('uses one refresh token once even when several callers renew at the same moment', async () => {
    const { session } = await freshPage();
    await session.renewSession();
    refreshGrant.mockResolvedValue(tokens('access-2', 'refresh-2'));

    const [first, second] = await Promise.all([session.renewSession(), session.renewSession()]);

    expect(refreshGrant).toHaveBeenCalledTimes(1);
    expect(first?.access_token).toBe('access-2');
    expect(second?.access_token).toBe('access-2');
  });

  it('falls back to the silent sign-in when the refresh token is refused, and to nothing without an SSO session', async () => {
    const { session } = await freshPage();
    await session.renewSession();
    refreshGrant.mockRejectedValue(new Error('invalid_grant'));

    expect((await session.renewSession())?.access_token).toBe('from-iframe');
    expect(silentIframe).toHaveBeenCalledTimes(2);

    silentIframe.mockRejectedValue(new Error('login_required'));
    expect(await session.renewSession()).toBeNull();
  });
});
