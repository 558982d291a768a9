import { InMemoryWebStorage, UserManager, WebStorageStateStore, type UserManagerSettings } from 'oidc-client-ts';

export const portalClientId = 'portal-spa';
// offline_access: a refresh token (rotated at each use, kept in memory with the other tokens).
export const portalScopes = 'openid profile email portal-api offline_access';

/** The portal SPA as an OIDC client of the provider hosted on this same origin (docs/sso-flow.md). */
export function portalOidcSettings(origin: string): UserManagerSettings {
  return {
    authority: origin,
    client_id: portalClientId,
    redirect_uri: `${origin}/portal/callback`,
    silent_redirect_uri: `${origin}/portal/silent-callback`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: portalScopes,
    // Tokens, the refresh token too, live in memory only: a reload renews them silently from the SSO session.
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    // Only the PKCE verifier and state survive the redirect, in sessionStorage (the default).
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    // Renewal before expiry is session.ts's (one at a time), not the library's own timer.
    automaticSilentRenew: false,
    loadUserInfo: false,
  };
}

let manager: UserManager | undefined;

/** The one UserManager of this page. */
export function getUserManager(): UserManager {
  manager ??= new UserManager(portalOidcSettings(window.location.origin));
  return manager;
}
