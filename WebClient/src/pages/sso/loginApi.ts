import { queryOptions } from '@tanstack/react-query';
import { api, send } from '../../api/client';
import { clientFailure } from '../../api/problem';
import { ApiError, unwrap } from '../../api/query';

/** Each answer of the login transaction names the one next step (docs/sso-flow.md). */
export type LoginStep = 'password' | 'activate' | 'enroll' | 'mfa' | 'done';

export interface StepAnswer {
  step: string;
  redirectUrl?: string | null;
  email?: string | null;
  /** Only in the answer that completes an authenticator enrolment: shown once. */
  recoveryCodes?: string[] | null;
  /** At the password step: offer "Use your passkey" first (this browser signed in to the account before). */
  passkeyOffered?: boolean;
}

/** WebAuthn options as JSON, exactly as the Api made them (for `PublicKeyCredential.parse…FromJSON`). */
export interface PasskeyOptions {
  publicKey: unknown;
}

export interface Enrollment {
  qrCodeDataUri: string;
  manualKey: string;
  accountName: string;
  issuer: string;
}

export const loginApi = {
  start: (email: string, returnUrl: string) =>
    send<StepAnswer>(api.POST('/api/sso/login/start', { body: { email, returnUrl } })),
  password: (password: string) => send<StepAnswer>(api.POST('/api/sso/login/password', { body: { password } })),
  resendActivation: () => send(api.POST('/api/sso/login/activation/resend')),
  // The Api's CodeRequest names both fields; the one not used is null.
  confirmEnrollment: (code: string) =>
    send<StepAnswer>(api.POST('/api/sso/login/enrollment', { body: { code, recoveryCode: null } })),
  passkeyEnrollmentOptions: () => send<PasskeyOptions>(api.POST('/api/sso/login/enrollment/passkey/options')),
  /** The new passkey (`credential.toJSON()`) in place of an authenticator app; the answer carries the recovery codes. */
  confirmPasskeyEnrollment: (credential: unknown) =>
    send<StepAnswer>(api.POST('/api/sso/login/enrollment/passkey', { body: { credential } })),
  /** Request options after the e-mail, or without one (autofill opens its own login transaction for `returnUrl`). */
  passkeySignInOptions: (returnUrl: string) =>
    send<PasskeyOptions>(api.POST('/api/sso/login/passkey/options', { body: { returnUrl } })),
  passkey: (credential: unknown) => send<StepAnswer>(api.POST('/api/sso/login/passkey', { body: { credential } })),
  mfa: (answer: { code: string } | { recoveryCode: string }) =>
    send<StepAnswer>(
      api.POST('/api/sso/login/mfa', {
        body: 'code' in answer ? { code: answer.code, recoveryCode: null } : { code: null, recoveryCode: answer.recoveryCode },
      }),
    ),
};

/** The WebAuthn code, loaded only when the SSO login screen needs it. */
export const loadWebAuthn = () => import('./login/webauthn');

/**
 * GET /api/sso/login/step: the step this browser's sign-in waits at, when another page opened it (the
 * portal's form, after moving the user to Single Sign-On: the activation step). Read once per visit.
 */
export const loginStepQuery = () =>
  queryOptions({
    queryKey: ['sso', 'login-step'],
    queryFn: async (): Promise<StepAnswer> => unwrap(api.GET('/api/sso/login/step')),
    gcTime: 0,
    retry: false,
  });

/** The authenticator key to set up, made once per login transaction. */
export const enrollmentQuery = () =>
  queryOptions({ queryKey: ['sso', 'enrollment'], queryFn: async (): Promise<Enrollment> => unwrap(api.GET('/api/sso/login/enrollment')), gcTime: 0 });

const missingActivationToken = 'This activation link is incomplete. Open the link from the e-mail again.';

/**
 * POST /api/sso/activate: activation links are single-use, so the answer is kept for the page's life
 * (one request per token, even if the page mounts twice).
 */
export const activationQuery = (token: string | null) =>
  queryOptions({
    queryKey: ['sso', 'activation', token],
    queryFn: async (): Promise<{ email: string }> => {
      if (!token) throw new ApiError(clientFailure(missingActivationToken));
      return unwrap(api.POST('/api/sso/activate', { body: { token } }));
    },
  });
