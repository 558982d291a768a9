import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from '../../../browser';
import { json, mockApi, problem } from '../../../test/api';
import { authorizeUrl, reachPasswordStep } from '../../../test/ssoLogin';

describe('the MFA step of the SSO login', () => {
  beforeEach(() => {
    vi.spyOn(browser, 'assign').mockImplementation(() => undefined);
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
    expect(screen.getByLabelText('Recovery code')).toHaveFocus();
    await user.type(screen.getByLabelText('Recovery code'), 'AAAA-1111');
    await user.click(screen.getByRole('button', { name: 'Login' }));

    await vi.waitFor(() => expect(browser.assign).toHaveBeenCalledWith('/portal'));
    expect(await server.lastBody('POST /api/sso/login/mfa')).toEqual({ code: null, recoveryCode: 'AAAA-1111' });
  });

  it('clears the error and the field when switching between the app code and a recovery code', async () => {
    mockApi({
      'POST /api/sso/login/start': () => json({ step: 'password' }),
      'POST /api/sso/login/password': () => json({ step: 'mfa' }),
      'POST /api/sso/login/mfa': () => problem(400, { detail: 'The code is incorrect or has expired.' }),
    });
    const { user } = await reachPasswordStep();
    await user.type(screen.getByLabelText('Password'), 'right');
    await user.click(screen.getByRole('button', { name: 'Login' }));
    await user.type(await screen.findByLabelText('MFA code'), '000000');
    await user.click(screen.getByRole('button', { name: 'Login' }));
    await screen.findByRole('alert');

    await user.click(screen.getByRole('button', { name: 'Use a recovery code instead' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.type(screen.getByLabelText('Recovery code'), 'AAAA');

    await user.click(screen.getByRole('button', { name: 'Use your authenticator app instead' }));
    expect(screen.getByLabelText('MFA code')).toHaveValue('');
    expect(screen.getByLabelText('MFA code')).toHaveFocus();
  });
});
