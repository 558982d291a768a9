import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from '../../../browser';
import { json, mockApi, problem } from '../../../test/api';
import { authorizeUrl, reachPasswordStep } from '../../../test/ssoLogin';
import { bytes, cancelled, credentialJson, requestOptions, stubWebAuthn } from '../../../test/webauthn';
import { cancelledMessage } from './webauthn';

const offered = (more: Parameters<typeof mockApi>[0] = {}) =>
  mockApi({
    'POST /api/sso/login/start': () => json({ step: 'password', email: 'ada@contoso.example', passkeyOffered: true }),
    'POST /api/sso/login/passkey/options': () => json(requestOptions),
    ...more,
  });

describe('"Use your passkey" after the e-mail', () => {
  beforeEach(() => {
    vi.spyOn(browser, 'assign').mockImplementation(() => undefined);
  });

  it('is offered first when the Api says so, with the password still there', async () => {
    offered();
    await reachPasswordStep();

    expect(screen.getByRole('button', { name: 'Use your passkey' })).toHaveFocus();
    expect(screen.getByLabelText('Password')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Login' })).toBeEnabled();
  });

  it('is not offered otherwise', async () => {
    mockApi({ 'POST /api/sso/login/start': () => json({ step: 'password' }) });
    await reachPasswordStep();

    expect(screen.getByRole('heading', { name: 'Enter your password' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Use your passkey' })).not.toBeInTheDocument();
  });

  it('signs in with the passkey alone: options for this sign-in, the browser asks, the Api completes it', async () => {
    const credentials = stubWebAuthn();
    const server = offered({ 'POST /api/sso/login/passkey': () => json({ step: 'done', redirectUrl: authorizeUrl }) });
    const { user } = await reachPasswordStep();

    await user.click(screen.getByRole('button', { name: 'Use your passkey' }));

    await vi.waitFor(() => expect(browser.assign).toHaveBeenCalledWith(authorizeUrl));
    expect(await server.lastBody('POST /api/sso/login/passkey/options')).toEqual({ returnUrl: authorizeUrl });
    const request = credentials.get.mock.calls[0]![0];
    expect(bytes(request.publicKey!.challenge)).toEqual([5, 6, 7, 8]);
    expect(request.mediation).toBeUndefined();
    expect(await server.lastBody('POST /api/sso/login/passkey')).toEqual({ credential: credentialJson });
    expect(screen.getByRole('button', { name: 'Use your passkey…' })).toBeDisabled();
  });

  it('says so when the user cancels; the password still signs in', async () => {
    stubWebAuthn({ get: cancelled });
    offered({ 'POST /api/sso/login/password': () => json({ step: 'mfa' }) });
    const { user } = await reachPasswordStep();

    await user.click(screen.getByRole('button', { name: 'Use your passkey' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(cancelledMessage);

    await user.type(screen.getByLabelText('Password'), 'right');
    await user.click(screen.getByRole('button', { name: 'Login' }));
    expect(await screen.findByLabelText('MFA code')).toBeVisible();
  });

  it('shows the Api sentence when the passkey is not verified', async () => {
    stubWebAuthn();
    const sentence = 'Your passkey could not be verified. Try again, or sign in with your password.';
    offered({ 'POST /api/sso/login/passkey': () => problem(400, { title: 'Bad Request', detail: sentence }) });
    const { user } = await reachPasswordStep();

    await user.click(screen.getByRole('button', { name: 'Use your passkey' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(sentence);
    expect(screen.getByRole('button', { name: 'Use your passkey' })).toBeEnabled();
    expect(browser.assign).not.toHaveBeenCalled();
  });
});
