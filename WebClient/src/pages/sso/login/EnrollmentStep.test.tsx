import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from '../../../browser';
import { json, mockApi, problem } from '../../../test/api';
import { authorizeUrl, reachPasswordStep } from '../../../test/ssoLogin';

const enrollment = {
  qrCodeDataUri: 'data:image/png;base64,iVBORw0KGgo=',
  manualKey: 'JBSWY3DPEHPK3PXP',
  accountName: 'ada@contoso.example',
  issuer: 'Platform SSO',
};

/** Email → Password → the enrolment step, then "Use an authenticator app instead". */
async function reachAuthenticatorEnrolment() {
  const view = await reachPasswordStep();
  await view.user.type(screen.getByLabelText('Password'), 'right');
  await view.user.click(screen.getByRole('button', { name: 'Login' }));
  await view.user.click(await screen.findByRole('button', { name: 'Use an authenticator app instead' }));
  return view;
}

describe('authenticator enrolment and its recovery codes in the SSO login', () => {
  beforeEach(() => {
    vi.spyOn(browser, 'assign').mockImplementation(() => undefined);
  });

  it('enrols an authenticator: QR code, manual key, code, then recovery codes shown once before continuing', async () => {
    const server = mockApi({
      'POST /api/sso/login/start': () => json({ step: 'password' }),
      'POST /api/sso/login/password': () => json({ step: 'enroll' }),
      'GET /api/sso/login/enrollment': () => json(enrollment),
      'POST /api/sso/login/enrollment': () =>
        json({ step: 'done', redirectUrl: authorizeUrl, recoveryCodes: ['AAAA-1111', 'BBBB-2222'] }),
    });
    const { user } = await reachAuthenticatorEnrolment();

    expect(await screen.findByRole('heading', { name: 'Set up your authenticator' })).toBeVisible();
    expect(await screen.findByRole('img', { name: /QR code/ })).toHaveAttribute('src', 'data:image/png;base64,iVBORw0KGgo=');
    expect(screen.getByTestId('manual-key')).toHaveTextContent(/^JBSWY3DPEHPK3PXP$/);
    expect(screen.getByLabelText('Manual key')).toBe(screen.getByTestId('manual-key'));

    await user.type(screen.getByLabelText('Authentication code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Verify' }));

    const codes = await screen.findByRole('list', { name: 'Recovery codes' });
    expect(within(codes).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['AAAA-1111', 'BBBB-2222']);
    expect(await server.lastBody('POST /api/sso/login/enrollment')).toEqual({ code: '123456', recoveryCode: null });
    expect(browser.assign).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(browser.assign).toHaveBeenCalledWith(authorizeUrl);
  });

  it('after the recovery codes, asks for a fresh MFA code when the enrolment answer says so', async () => {
    mockApi({
      'POST /api/sso/login/start': () => json({ step: 'password' }),
      'POST /api/sso/login/password': () => json({ step: 'enroll' }),
      'GET /api/sso/login/enrollment': () => json(enrollment),
      'POST /api/sso/login/enrollment': () => json({ step: 'mfa', recoveryCodes: ['AAAA-1111'] }),
    });
    const { user } = await reachAuthenticatorEnrolment();
    await user.type(await screen.findByLabelText('Authentication code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Verify' }));

    await user.click(await screen.findByRole('button', { name: 'Continue' }));

    expect(screen.getByLabelText('MFA code')).toBeVisible();
    expect(screen.queryByRole('list', { name: 'Recovery codes' })).not.toBeInTheDocument();
    expect(browser.assign).not.toHaveBeenCalled();
  });

  it('shows the Api sentence when another sign-in enrolled first, and keeps the form', async () => {
    const sentence = 'An authenticator app or a passkey was already set up for this account. Sign in again and use it.';
    mockApi({
      'POST /api/sso/login/start': () => json({ step: 'password' }),
      'POST /api/sso/login/password': () => json({ step: 'enroll' }),
      'GET /api/sso/login/enrollment': () => json(enrollment),
      'POST /api/sso/login/enrollment': () => problem(409, { title: 'Conflict', detail: sentence }),
    });
    const { user } = await reachAuthenticatorEnrolment();
    await user.type(await screen.findByLabelText('Authentication code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Verify' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(sentence);
    expect(screen.getByRole('button', { name: 'Verify' })).toBeEnabled();
    expect(screen.queryByRole('list', { name: 'Recovery codes' })).not.toBeInTheDocument();
  });
});
