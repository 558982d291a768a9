import { api, send } from '../api/client';

/*
 * The writes of the pages anyone may open without signing in, most of them from an e-mailed link.
 * Each answers an ApiResult for the page's form (components/useSubmit.ts); the login steps' calls
 * are in sso/loginApi.ts, the access request's in accessRequest/accessRequestApi.ts.
 */

/** `/set-password`: a legacy end user's first portal password, from the invitation. */
export const setUpPortalPassword = (token: string, newPassword: string) =>
  send(api.POST('/api/portal/password/setup', { body: { token, newPassword } }));

/** `/sso/reset-password`: a new SSO password from the reset (or welcome) e-mail. */
export const resetSsoPassword = (token: string, newPassword: string) =>
  send(api.POST('/api/sso/password/reset', { body: { token, newPassword } }));

/** `/sso/forgot-password`: mails a reset link if the address is known (the answer is the same either way). */
export const requestPasswordReset = (email: string) => send(api.POST('/api/sso/password/forgot', { body: { email } }));

/** `/sso/not-me`: the owner says an authenticator was not set up by them. */
export const reportAuthenticatorNotMe = (token: string) => send(api.POST('/api/sso/authenticator/not-me', { body: { token } }));

/** `/confirm-support-address`: the partner's support mailbox confirms it receives new-ticket notices. */
export const confirmSupportAddress = (token: string) => send(api.POST('/api/branding/support-address/confirm', { body: { token } }));
