import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from '../../../browser';
import { json, mockApi, problem } from '../../../test/api';
import { authorizeUrl, reachPasswordStep } from '../../../test/ssoLogin';
import { bytes, cancelled, creationOptions, credentialJson, stubWebAuthn } from '../../../test/webauthn';
import { cancelledMessage, notSupportedMessage } from './webauthn';

const enrollment = { qrCodeDataUri: 'data:image/png;base64,iVBORw0KGgo=', manualKey: 'JBSWY3DPEHPK3PXP', accountName: 'ada@contoso.example', issuer: 'Platform SSO' };

/** The routes up to the enrolment step, then whatever the test adds. */
const routes = (more: Parameters<typeof mockApi>[0]) =>
  mockApi({
    'POST /api/sso/login/start': () => json({ step: 'password' }),
    'POST /api/sso/login/password': () => json({ step: 'enroll' }),
    'POST /api/sso/login/enrollment/passkey/options': () => json(creationOptions),
    ...more,
  });

async function reachEnrolment() {
  const view = await reachPasswordStep();
  await view.user.type(screen.getByLabelText('Password'), 'right');
  await view.user.click(screen.getByRole('button', { name: 'Login' }));
  await screen.findByRole('heading', { name: 'Add a passkey' });
  return view;
}

describe('adding a passkey at the first sign-in', () => {
  beforeEach(() => {
    vi.spyOn(browser, 'assign').mockImplementation(() => undefined);
  });

  it('offers a passkey first, explained, with the authenticator app as the other way', async () => {
    routes({});
    await reachEnrolment();

    expect(screen.getByText(/instead of a code/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Add a passkey' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Use an authenticator app instead' })).toBeEnabled();
  });

  it('makes the passkey with the server options, sends it, then shows the recovery codes once before continuing', async () => {
    const credentials = stubWebAuthn();
    const server = routes({
      'POST /api/sso/login/enrollment/passkey': () =>
        json({ step: 'done', redirectUrl: authorizeUrl, recoveryCodes: ['AAAA-1111', 'BBBB-2222'] }),
    });
    const { user } = await reachEnrolment();

    await user.click(screen.getByRole('button', { name: 'Add a passkey' }));

    const codes = await screen.findByRole('list', { name: 'Recovery codes' });
    expect(within(codes).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['AAAA-1111', 'BBBB-2222']);
    const publicKey = credentials.create.mock.calls[0]![0].publicKey!;
    expect(bytes(publicKey.challenge)).toEqual([1, 2, 3, 4]);
    expect(bytes(publicKey.user.id)).toEqual(Array.from(new TextEncoder().encode('user-1')));
    expect(publicKey.rp.id).toBe('localhost');
    expect(await server.lastBody('POST /api/sso/login/enrollment/passkey')).toEqual({ credential: credentialJson });
    expect(browser.assign).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(browser.assign).toHaveBeenCalledWith(authorizeUrl);
  });

  it('says so when the user cancels, and the authenticator app still works', async () => {
    stubWebAuthn({ create: cancelled });
    const server = routes({
      'GET /api/sso/login/enrollment': () => json(enrollment),
      'POST /api/sso/login/enrollment': () => json({ step: 'done', redirectUrl: authorizeUrl, recoveryCodes: ['AAAA-1111'] }),
    });
    const { user } = await reachEnrolment();

    await user.click(screen.getByRole('button', { name: 'Add a passkey' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(cancelledMessage);
    expect(screen.getByRole('button', { name: 'Add a passkey' })).toBeEnabled();
    expect(server.requests('POST /api/sso/login/enrollment/passkey')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Use an authenticator app instead' }));
    await user.type(await screen.findByLabelText('Authentication code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByRole('list', { name: 'Recovery codes' })).toBeVisible();
  });

  it('says so in a browser without passkeys, without asking the server', async () => {
    const server = routes({});
    const { user } = await reachEnrolment();

    await user.click(screen.getByRole('button', { name: 'Add a passkey' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(notSupportedMessage);
    expect(server.requests('POST /api/sso/login/enrollment/passkey/options')).toHaveLength(0);
    expect(screen.getByRole('button', { name: 'Use an authenticator app instead' })).toBeEnabled();
  });

  it('shows the server sentence when the passkey is refused, and nothing is shown as done', async () => {
    stubWebAuthn();
    const sentence = 'The passkey could not be added. Try again, and use this site\u2019s own address.';
    routes({ 'POST /api/sso/login/enrollment/passkey': () => problem(400, { title: 'Bad Request', detail: sentence }) });
    const { user } = await reachEnrolment();

    await user.click(screen.getByRole('button', { name: 'Add a passkey' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(sentence);
    expect(screen.queryByRole('list', { name: 'Recovery codes' })).not.toBeInTheDocument();
    expect(browser.assign).not.toHaveBeenCalled();
  });
});
