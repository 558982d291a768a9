import type { User } from 'oidc-client-ts';
import { vi } from 'vitest';

export function fakeUser(accessToken = 'access-1', state?: unknown): User {
  return { access_token: accessToken, expired: false, state, profile: { sub: 'user-1' } } as unknown as User;
}

/**
 * Stands in for oidc-client-ts's UserManager (tests mock `auth/userManager` to return it): the
 * provider's redirects and iframes do not exist in jsdom.
 */
export const fakeManager = {
  getUser: vi.fn<() => Promise<User | null>>(),
  signinSilent: vi.fn<(args?: unknown) => Promise<User | null>>(),
  signinRedirect: vi.fn<(args?: unknown) => Promise<void>>(),
  signinRedirectCallback: vi.fn<() => Promise<User>>(),
  signinSilentCallback: vi.fn<() => Promise<void>>(),
  signoutRedirect: vi.fn<() => Promise<void>>(),
  removeUser: vi.fn<() => Promise<void>>(),
  events: { addAccessTokenExpiring: vi.fn<(callback: () => void) => void>() },
};

/** No user in memory and no SSO session, unless a test says otherwise. */
export function resetFakeManager() {
  fakeManager.getUser.mockReset().mockResolvedValue(null);
  fakeManager.signinSilent.mockReset().mockRejectedValue(new Error('login_required'));
  fakeManager.signinRedirect.mockReset().mockResolvedValue(undefined);
  fakeManager.signinRedirectCallback.mockReset().mockRejectedValue(new Error('no callback'));
  fakeManager.signinSilentCallback.mockReset().mockResolvedValue(undefined);
  fakeManager.signoutRedirect.mockReset().mockResolvedValue(undefined);
  fakeManager.removeUser.mockReset().mockResolvedValue(undefined);
}
