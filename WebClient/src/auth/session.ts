import type { User, UserManager } from 'oidc-client-ts';

let manager: Promise<UserManager> | undefined;

/**
 * The page's UserManager, with oidc-client-ts loaded on first use: the login page's script carries
 * none of it until the user starts a sign-in (or a portal page needs a token). Every Api call asks
 * for it, so the loading is shared; a failed load (network) is tried again on the next call.
 * Renewal before expiry goes through {@link renewSession} too, so a tab never uses one refresh
 * token twice (the provider would take the second use for a replay and revoke the chain).
 */
export function userManager(): Promise<UserManager> {
  manager ??= import('./userManager').then(
    (module) => {
      const created = module.getUserManager();
      created.events.addAccessTokenExpiring(() => void renewSession());
      return created;
    },
    (error: unknown) => {
      manager = undefined;
      throw error;
    },
  );
  return manager;
}

/** The signed-in user held in memory, if its access token is still valid. */
export async function currentUser(): Promise<User | null> {
  const user = await (await userManager()).getUser();
  return user && !user.expired ? user : null;
}

export async function getAccessToken(): Promise<string | null> {
  return (await currentUser())?.access_token ?? null;
}

let renewal: Promise<User | null> | undefined;

/**
 * New tokens, one renewal at a time (callers that ask while one runs share it): with a refresh
 * token in memory, a refresh grant (the token rotates); after a reload (nothing in memory), or
 * when the refresh token is refused (its SSO session ended, or its chain was revoked), a silent
 * sign-in with prompt=none in a hidden iframe using the SSO session cookie. Resolves to null when
 * there is no SSO session.
 */
export function renewSession(): Promise<User | null> {
  renewal ??= userManager()
    .then(async (manager) => {
      try {
        return await manager.signinSilent();
      } catch (error) {
        if (!(await manager.getUser())?.refresh_token) throw error;
        return await manager.signinSilent({ forceIframeAuth: true });
      }
    })
    .catch(() => null)
    .finally(() => {
      renewal = undefined;
    });
  return renewal;
}

/** Drops the tokens held in memory (the SSO session, if any, is left alone). */
export async function forgetSession(): Promise<void> {
  await (await userManager()).removeUser();
}

/** Where to go once the sign-in redirect completes. */
export interface SigninState {
  returnTo: string;
}

export function isSigninState(value: unknown): value is SigninState {
  return typeof value === 'object' && value !== null && typeof (value as SigninState).returnTo === 'string';
}

/** A token in memory, else one from a silent renewal; null when there is no SSO session (or no network). */
export async function accessTokenOrRenewal(): Promise<string | null> {
  try {
    return (await getAccessToken()) ?? (await renewSession())?.access_token ?? null;
  } catch {
    return null;
  }
}

/**
 * Starts the OIDC sign-in redirect; /portal/callback then opens `returnTo` (a path on this origin,
 * see CallbackPages). Resolves once the browser is leaving; rejects when the redirect cannot start.
 * `prompt: 'login'` asks the SSO for a new sign-in even when its session is still alive (a
 * change that needs a recent sign-in, such as adding a passkey).
 */
export async function signInReturningTo(returnTo: string, options: { prompt?: 'login' } = {}): Promise<void> {
  const state: SigninState = { returnTo };
  await (await userManager()).signinRedirect({ state, ...options });
}

/** `/?session=ended`: the login page, saying that the Api ended the session (see api/client.ts). */
export const sessionEndedParam = { name: 'session', value: 'ended' } as const;
export const sessionEndedUrl = `/?${sessionEndedParam.name}=${sessionEndedParam.value}`;
