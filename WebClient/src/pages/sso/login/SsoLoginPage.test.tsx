import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from '../../../browser';
import { deferred, json, mockApi } from '../../../test/api';
import { renderAt } from '../../../test/render';
import { authorizeUrl, loginUrl, reachPasswordStep } from '../../../test/ssoLogin';

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

  it('says something went wrong, and stays, when the Api names a step the page does not know', async () => {
    mockApi({ 'POST /api/sso/login/start': () => json({ step: 'captcha' }) });
    const { user } = renderAt(loginUrl);

    await user.type(screen.getByLabelText('Email'), 'ada@contoso.example');
    await user.click(screen.getByRole('button', { name: 'Next' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong. Please try again.');
    expect(screen.getByRole('button', { name: 'Next' })).toBeEnabled();
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
