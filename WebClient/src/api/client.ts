import createClient, { type Middleware } from 'openapi-fetch';
import { forgetSession, getAccessToken, renewSession, sessionEndedUrl } from '../auth/session';
import { browser } from '../browser';
import { clientFailure, networkErrorMessage, toFailure, type ApiFailure } from './problem';
import type { paths } from './schema';

/** The signed-in user's own things the SSO keeps (Edit Profile): called with the access token like the portal. */
const ownSsoAreas = ['/api/sso/sessions', '/api/sso/passkeys'];

/**
 * Portal and admin calls and the user's own SSO sessions and passkeys carry the access token; the
 * other SSO calls (the login steps, their passkey sign-in included) and status rely on cookies or nothing.
 */
const isPortalCall = (url: string) => {
  const path = new URL(url).pathname;
  return (
    path.startsWith('/api/portal/') ||
    path.startsWith('/api/admin/') ||
    ownSsoAreas.some((area) => path === area || path.startsWith(`${area}/`))
  );
};

const pendingRetries = new Map<string, Request>();

/**
 * Adds `Authorization: Bearer` to portal and admin calls. On a 401 it renews the token once, silently, and
 * repeats the request; if that fails too (the account was disabled, the SSO session ended) the
 * in-memory tokens are dropped and the login page says "Your session has ended".
 */
export const portalAuth: Middleware = {
  async onRequest({ request, id }) {
    if (!isPortalCall(request.url)) return undefined;
    const token = await getAccessToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    pendingRetries.set(id, request.clone());
    return request;
  },
  async onResponse({ request, response, id, options }) {
    if (!isPortalCall(request.url)) return undefined;
    const retry = pendingRetries.get(id);
    pendingRetries.delete(id);
    if (response.status !== 401 || !retry) return undefined;

    const renewed = await renewSession();
    if (renewed) {
      retry.headers.set('Authorization', `Bearer ${renewed.access_token}`);
      const second = await options.fetch(retry);
      if (second.status !== 401) return second;
    }
    await forgetSession();
    browser.assign(sessionEndedUrl);
    return undefined;
  },
  onError({ id }) {
    pendingRetries.delete(id);
  },
};

/** The one typed client for the Api: same origin, cookies included, paths and bodies from the OpenAPI schema. */
export const api = createClient<paths>({
  baseUrl: window.location.origin,
  credentials: 'same-origin',
  headers: { Accept: 'application/json, application/problem+json' },
  // Looked up on each call rather than captured once, so tests can stub fetch.
  fetch: (request) => globalThis.fetch(request),
});
api.use(portalAuth);

export type ApiResult<T> = { ok: true; data: T } | { ok: false; failure: ApiFailure };

/**
 * Awaits an `api.GET/POST(...)` call and folds every outcome into one shape: the data, or a
 * failure whose `message` is a sentence for the user (network errors included).
 */
export async function send<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<ApiResult<T>> {
  try {
    const { data, error, response } = await call;
    if (!response.ok) return { ok: false, failure: toFailure(response.status, error) };
    return { ok: true, data: data as T };
  } catch {
    return { ok: false, failure: clientFailure(networkErrorMessage) };
  }
}
