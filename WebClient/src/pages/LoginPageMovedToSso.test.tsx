import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from '../browser';
import { json, mockApi } from '../test/api';
import { fakeManager, resetFakeManager } from '../test/auth';
import { renderAt } from '../test/render';

vi.mock('../auth/userManager', async () => {
  const { fakeManager } = await import('../test/auth');
  return { getUserManager: () => fakeManager };
});

const activationStep = '/sso/login?returnUrl=%2Fportal&resume=1';

/** Mixed mode on the portal's form: a log-in inside a batch's window moves the user, who goes on to the SSO screen. */
describe('the portal login page when a log-in moves the user to Single Sign-On', () => {
  beforeEach(() => {
    resetFakeManager();
    vi.spyOn(browser, 'assign').mockImplementation(() => undefined);
  });

  async function logIn(answer: object) {
    mockApi({ 'POST /api/legacy/login': () => json(answer) });
    const { user } = renderAt('/');
    await user.type(screen.getByLabelText('Email'), 'bob@contoso.example');
    await user.type(screen.getByLabelText('Password'), 'hunter2!');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
  }

  it('says so and sends the browser to the SSO screen the Api names, not through the portal sign-in', async () => {
    await logIn({ redirectUrl: activationStep, movedToSso: true });

    expect(await screen.findByRole('status')).toHaveTextContent('Your account has moved to Single Sign-On. Taking you to its sign-in…');
    expect(browser.assign).toHaveBeenCalledWith(activationStep);
    // The button stays busy while the browser leaves.
    expect(screen.getByRole('button', { name: 'Log in…' })).toBeDisabled();
    expect(fakeManager.signinRedirect).not.toHaveBeenCalled();
  });

  it('never follows a redirect to another site', async () => {
    await logIn({ redirectUrl: 'https://evil.example/sso/login', movedToSso: true });

    await vi.waitFor(() => expect(browser.assign).toHaveBeenCalledWith('/portal'));
  });

  it('still completes a legacy log-in through the portal sign-in when nothing moved', async () => {
    await logIn({ redirectUrl: '/portal', movedToSso: false });

    await vi.waitFor(() => expect(fakeManager.signinRedirect).toHaveBeenCalledTimes(1));
    expect(browser.assign).not.toHaveBeenCalled();
  });
});
