import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from '../../browser';
import { deferred, empty, json, mockApi, problem } from '../../test/api';
import { renderAt } from '../../test/render';

const authorizeUrl = '/connect/authorize?client_id=portal-spa&response_type=code';
const loginUrl = `/sso/login?returnUrl=${encodeURIComponent(authorizeUrl)}`;

async function reachPasswordStep(email = 'ada@contoso.example') {
  const view = renderAt(loginUrl);
  await view.user.type(screen.getByLabelText('Email'), email);
  await view.user.click(screen.getByRole('button', { name: 'Next' }));
  await screen.findByLabelText('Password');
  return view;
}

describe('the SSO login screen', () => {
  beforeEach(() => {
    vi.spyOn(browser, 'assign').mockImplementation(() => undefined);
  });

  it('asks for the e-mail first, sends it with the returnUrl, and shows it on the password step', async () => {
    const answer = deferred<Response>();
    const server = mockApi({ 'POST /api/sso/login/start': () => answer.promise });
    const { user } = renderAt(loginUrl);

    expect(screen.getByRole('link', { name: 'Forgot Password' })).toHaveAttribute('href', '/sso/forgot-password');
    expect(screen.queryByText('End User Portal')).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('Email'), 'ada@contoso.example');
    await user.click(screen.getByRole('button', { name: 'Next' }));

    const busy = screen.getByRole('button', { name: 'Next…' });
    expect(busy).toBeDisabled();
    expect(busy).toHaveAttribute('aria-busy', 'true');
    answer.resolve(json({ step: 'password' }));

    expect(await screen.findByLabelText('Password')).toHaveFocus();
    expect(screen.getByText('ada@contoso.example')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Login' })).toBeEnabled();
    expect(await server.lastBody('POST /api/sso/login/start')).toEqual({ email: 'ada@contoso.example', returnUrl: authorizeUrl });
  });

  it('goes back to the e-mail step with Change', async () => {
    mockApi({ 'POST /api/sso/login/start': () => json({ step: 'password' }) });
    const { user } = await reachPasswordStep();

    await user.click(screen.getByRole('link', { name: 'Change' }));

    expect(screen.getByLabelText('Email')).toHaveValue('ada@contoso.example');
    expect(screen.getByRole('button', { name: 'Next' })).toBeVisible();
  });

  it('shows the Api sentence for a wrong password and lets the user try again', async () => {
    mockApi({
      'POST /api/sso/login/start': () => json({ step: 'password' }),
      'POST /api/sso/login/password': () => problem(400, { title: 'Bad Request', detail: 'The e-mail or password is incorrect.' }),
    });
    const { user } = await reachPasswordStep();

    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Login' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The e-mail or password is incorrect.');
    expect(screen.getByRole('button', { name: 'Login' })).toBeEnabled();
  });

  it('tells a user not yet migrated to use the portal form', async () => {
    mockApi({
      'POST /api/sso/login/start': () => json({ step: 'password' }),
      'POST /api/sso/login/password': () =>
        problem(403, { type: 'urn:sso:not-migrated', detail: "Your account still uses the portal's own login for now. Use the form on the portal's login page." }),
    });
    const { user } = await reachPasswordStep();

    await user.type(screen.getByLabelText('Password'), 'right');
    await user.click(screen.getByRole('button', { name: 'Login' }));

    expect(await screen.findByRole('alert')).toHaveTextContent("Use the form on the portal's login page.");
  });

  it('opens the activation dialog when the e-mail is not verified, and can resend the e-mail', async () => {
    const server = mockApi({
      'POST /api/sso/login/start': () => json({ step: 'password' }),
      'POST /api/sso/login/password': () => json({ step: 'activate', email: 'ada@contoso.example' }),
      'POST /api/sso/login/activation/resend': () => empty(202),
    });
    const { user } = await reachPasswordStep();
    await user.type(screen.getByLabelText('Password'), 'right');
    await user.click(screen.getByRole('button', { name: 'Login' }));

    const dialog = await screen.findByRole('dialog', { name: /Activate your email account/ });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveTextContent('ada@contoso.example');

    await user.click(within(dialog).getByRole('button', { name: 'Resend activation e-mail' }));

    expect(await within(dialog).findByRole('status')).toHaveTextContent('We sent the activation e-mail again.');
    expect(server.requests('POST /api/sso/login/activation/resend')).toHaveLength(1);
  });

  it('enrols an authenticator: QR code, manual key, code, then recovery codes shown once before continuing', async () => {
    const server = mockApi({
      'POST /api/sso/login/start': () => json({ step: 'password' }),
      'POST /api/sso/login/password': () => json({ step: 'enroll' }),
      'GET /api/sso/login/enrollment': () =>
        json({ qrCodeDataUri: 'data:image/png;base64,iVBORw0KGgo=', manualKey: 'JBSWY3DPEHPK3PXP', accountName: 'ada@contoso.example', issuer: 'Platform SSO' }),
      'POST /api/sso/login/enrollment': () =>
        json({ step: 'done', redirectUrl: authorizeUrl, recoveryCodes: ['AAAA-1111', 'BBBB-2222'] }),
    });
    const { user } = await reachPasswordStep();
    await user.type(screen.getByLabelText('Password'), 'right');
    await user.click(screen.getByRole('button', { name: 'Login' }));

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
      'GET /api/sso/login/enrollment': () =>
        json({ qrCodeDataUri: 'data:image/png;base64,iVBORw0KGgo=', manualKey: 'JBSWY3DPEHPK3PXP', accountName: 'ada@contoso.example', issuer: 'Platform SSO' }),
      'POST /api/sso/login/enrollment': () => json({ step: 'mfa', recoveryCodes: ['AAAA-1111'] }),
    });
    const { user } = await reachPasswordStep();
    await user.type(screen.getByLabelText('Password'), 'right');
    await user.click(screen.getByRole('button', { name: 'Login' }));
    await user.type(await screen.findByLabelText('Authentication code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Verify' }));

    await user.click(await screen.findByRole('button', { name: 'Continue' }));

    expect(screen.getByLabelText('MFA code')).toBeVisible();
    expect(screen.queryByRole('list', { name: 'Recovery codes' })).not.toBeInTheDocument();
    expect(browser.assign).not.toHaveBeenCalled();
  });

  it('asks for the MFA code and, when done, sends the whole window on to the redirect URL', async () => {
    const server = mockApi({
      'POST /api/sso/login/start': () => json({ step: 'password' }),
      'POST /api/sso/login/password': () => json({ step: 'mfa' }),
      'POST /api/sso/login/mfa': async (request) => {
        const body = (await request.json()) as { code?: string };
        return body.code === '654321'
          ? json({ step: 'done', redirectUrl: authorizeUrl })
          : problem(400, { detail: 'The code is incorrect or has expired.' });
      },
    });
    const { user } = await reachPasswordStep();
    await user.type(screen.getByLabelText('Password'), 'right');
    await user.click(screen.getByRole('button', { name: 'Login' }));

    await user.type(await screen.findByLabelText('MFA code'), '000000');
    await user.click(screen.getByRole('button', { name: 'Login' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The code is incorrect or has expired.');

    await user.clear(screen.getByLabelText('MFA code'));
    await user.type(screen.getByLabelText('MFA code'), '654321');
    await user.click(screen.getByRole('button', { name: 'Login' }));

    await vi.waitFor(() => expect(browser.assign).toHaveBeenCalledWith(authorizeUrl));
    expect(screen.getByRole('button', { name: 'Login…' })).toBeDisabled();
    expect(server.requests('POST /api/sso/login/mfa')).toHaveLength(2);
  });

  it('accepts a recovery code instead of the MFA code', async () => {
    const server = mockApi({
      'POST /api/sso/login/start': () => json({ step: 'password' }),
      'POST /api/sso/login/password': () => json({ step: 'mfa' }),
      'POST /api/sso/login/mfa': () => json({ step: 'done', redirectUrl: '/portal' }),
    });
    const { user } = await reachPasswordStep();
    await user.type(screen.getByLabelText('Password'), 'right');
    await user.click(screen.getByRole('button', { name: 'Login' }));

    await user.click(await screen.findByRole('button', { name: 'Use a recovery code instead' }));
    expect(screen.queryByLabelText('MFA code')).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('Recovery code'), 'AAAA-1111');
    await user.click(screen.getByRole('button', { name: 'Login' }));

    await vi.waitFor(() => expect(browser.assign).toHaveBeenCalledWith('/portal'));
    expect(await server.lastBody('POST /api/sso/login/mfa')).toEqual({ code: null, recoveryCode: 'AAAA-1111' });
  });

  it('never follows a redirect URL to another site', async () => {
    mockApi({
      'POST /api/sso/login/start': () => json({ step: 'password' }),
      'POST /api/sso/login/password': () => json({ step: 'done', redirectUrl: 'https://evil.example/steal' }),
    });
    const { user } = await reachPasswordStep();
    await user.type(screen.getByLabelText('Password'), 'right');
    await user.click(screen.getByRole('button', { name: 'Login' }));

    await vi.waitFor(() => expect(browser.assign).toHaveBeenCalledWith('/portal'));
  });
});
