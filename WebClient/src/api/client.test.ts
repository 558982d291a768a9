import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from '../browser';
import { fakeManager, fakeUser, resetFakeManager } from '../test/auth';
import { empty, json, mockApi, problem } from '../test/api';
import { api, send } from './client';
import { networkErrorMessage } from './problem';

vi.mock('../auth/userManager', async () => {
  const { fakeManager } = await import('../test/auth');
  return { getUserManager: () => fakeManager };
});

const me = { name: 'Ada', email: 'ada@example.com', clientName: 'Contoso', partnerName: 'MSP', migratedToSso: true, canChangePassword: false };

describe('the Api client', () => {
  beforeEach(() => {
    resetFakeManager();
    vi.spyOn(browser, 'assign').mockImplementation(() => undefined);
  });

  it('sends the in-memory access token with portal calls only', async () => {
    fakeManager.getUser.mockResolvedValue(fakeUser('token-A'));
    const server = mockApi({ 'GET /api/portal/me': () => json(me) });

    await send(api.GET('/api/portal/me'));
    await send(api.GET('/api/status'));

    expect(server.requests('GET /api/portal/me')[0]?.headers.get('Authorization')).toBe('Bearer token-A');
    expect(server.requests('GET /api/status')[0]?.headers.has('Authorization')).toBe(false);
  });

  it('sends it with the user\'s own SSO sessions and passkeys (Edit Profile), not with the login steps', async () => {
    fakeManager.getUser.mockResolvedValue(fakeUser('token-A'));
    const server = mockApi({
      'GET /api/sso/passkeys': () => json({ passkeys: [] }),
      'DELETE /api/sso/passkeys/abc': () => empty(204),
      'GET /api/sso/sessions': () => json({ sessions: [] }),
      'POST /api/sso/login/passkey': () => empty(204),
    });

    await send(api.GET('/api/sso/passkeys'));
    await send(api.DELETE('/api/sso/passkeys/{id}', { params: { path: { id: 'abc' } } }));
    await send(api.GET('/api/sso/sessions'));
    await send(api.POST('/api/sso/login/passkey', { body: { credential: {} } }));

    expect(server.requests('GET /api/sso/passkeys')[0]?.headers.get('Authorization')).toBe('Bearer token-A');
    expect(server.requests('DELETE /api/sso/passkeys/abc')[0]?.headers.get('Authorization')).toBe('Bearer token-A');
    expect(server.requests('GET /api/sso/sessions')[0]?.headers.get('Authorization')).toBe('Bearer token-A');
    expect(server.requests('POST /api/sso/login/passkey')[0]?.headers.has('Authorization')).toBe(false);
  });

  it('on a 401 renews silently once and repeats the call with the new token', async () => {
    fakeManager.getUser.mockResolvedValue(fakeUser('stale'));
    fakeManager.signinSilent.mockResolvedValue(fakeUser('fresh'));
    const server = mockApi({
      'POST /api/portal/me/password': (request) =>
        request.headers.get('Authorization') === 'Bearer fresh' ? empty(204) : empty(401),
    });

    const result = await send(api.POST('/api/portal/me/password', { body: { currentPassword: 'a', newPassword: 'b' } }));

    expect(result.ok).toBe(true);
    expect(fakeManager.signinSilent).toHaveBeenCalledTimes(1);
    const [first, second] = server.requests('POST /api/portal/me/password');
    expect(await second?.json()).toEqual(await first?.json());
    expect(browser.assign).not.toHaveBeenCalled();
  });

  it('sends the user to the login page, saying the session has ended, when it cannot be renewed', async () => {
    fakeManager.getUser.mockResolvedValue(fakeUser('stale'));
    mockApi({ 'GET /api/portal/me': () => empty(401) });

    const result = await send(api.GET('/api/portal/me'));

    expect(result.ok).toBe(false);
    expect(fakeManager.removeUser).toHaveBeenCalled();
    expect(browser.assign).toHaveBeenCalledWith('/?session=ended');
  });

  it('turns a ProblemDetails answer into the sentence to show', async () => {
    mockApi({ 'POST /api/sso/login/password': () => problem(400, { detail: 'The e-mail or password is incorrect.' }) });

    const result = await send(api.POST('/api/sso/login/password', { body: { password: 'nope' } }));

    expect(result).toMatchObject({ ok: false, failure: { status: 400, message: 'The e-mail or password is incorrect.' } });
  });

  it('explains a network failure instead of throwing', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));

    const result = await send(api.GET('/api/status'));

    expect(result).toMatchObject({ ok: false, failure: { status: 0, message: networkErrorMessage } });
  });
});
