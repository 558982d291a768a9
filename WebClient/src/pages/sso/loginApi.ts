import { api, send } from '../../api/client';

/** Each answer of the login transaction names the one next step (docs/sso-flow.md). */
export type LoginStep = 'password' | 'activate' | 'enroll' | 'mfa' | 'done';

export interface StepAnswer {
  step: string;
  redirectUrl?: string | null;
  email?: string | null;
  /** Only in the answer that completes an authenticator enrolment: shown once. */
  recoveryCodes?: string[] | null;
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
  enrollment: () => send<Enrollment>(api.GET('/api/sso/login/enrollment')),
  // The Api's CodeRequest names both fields; the one not used is null.
  confirmEnrollment: (code: string) =>
    send<StepAnswer>(api.POST('/api/sso/login/enrollment', { body: { code, recoveryCode: null } })),
  mfa: (answer: { code: string } | { recoveryCode: string }) =>
    send<StepAnswer>(
      api.POST('/api/sso/login/mfa', {
        body: 'code' in answer ? { code: answer.code, recoveryCode: null } : { code: null, recoveryCode: answer.recoveryCode },
      }),
    ),
};
