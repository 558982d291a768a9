import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { deferred, json, mockApi, problem } from '../test/api';
import { fakeManager, resetFakeManager } from '../test/auth';
import { renderAt } from '../test/render';
import { LoginPage } from './LoginPage';

vi.mock('../auth/userManager', async () => {
  const { fakeManager } = await import('../test/auth');
  return { getUserManager: () => fakeManager };
});

describe('the portal login page', () => {
  beforeEach(resetFakeManager);

  it('shows a visitor the ways to log in and nothing about the system behind it', async () => {
    const server = mockApi({});
    renderAt('/');

    expect(screen.getByRole('heading', { level: 1, name: 'Log in to the End User Portal' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Log in with Single Sign-On' })).toBeVisible();
    expect(screen.queryByRole('heading', { name: 'System status' })).not.toBeInTheDocument();
    expect(document.body).not.toHaveTextContent(/SQLite|SQL Server|schema|visits/i);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(server.calls).toHaveLength(0);
  });

  it('after the Api ended the session, says so and offers to log in again', async () => {
    mockApi({});
    fakeManager.signinRedirect.mockReturnValue(new Promise(() => undefined));
    const { user } = renderAt('/?session=ended');

    expect(screen.getByRole('heading', { level: 1, name: 'Your session has ended' })).toBeVisible();
    const again = screen.getByRole('region', { name: 'Log in again' });
    await user.click(within(again).getByRole('button', { name: 'Log in with Single Sign-On' }));

    // oidc-client-ts loads on this click (auth/session.ts), so the redirect starts a moment later.
    await vi.waitFor(() => expect(fakeManager.signinRedirect).toHaveBeenCalledWith({ state: { returnTo: '/portal' } }));
    // Users not moved to Single Sign-On yet still have their form.
    expect(screen.getByRole('button', { name: 'Log in' })).toBeVisible();
  });

  it('starts the OIDC sign-in from Log in with Single Sign-On and stays busy while the browser leaves', async () => {
    mockApi({});
    fakeManager.signinRedirect.mockReturnValue(new Promise(() => undefined));
    const { user } = renderAt('/');

    await user.click(screen.getByRole('button', { name: 'Log in with Single Sign-On' }));

    // oidc-client-ts loads on this click (auth/session.ts), so the redirect starts a moment later.
    await vi.waitFor(() => expect(fakeManager.signinRedirect).toHaveBeenCalledWith({ state: { returnTo: '/portal' } }));
    const button = screen.getByRole('button', { name: /Log in with Single Sign-On/ });
    expect(button).toBeDisabled();
    expect(button).toHaveAttribute('aria-busy', 'true');
  });

  it('logs a legacy user in with the form, then completes the sign-in through OIDC', async () => {
    const answer = deferred<Response>();
    const server = mockApi({ 'POST /api/legacy/login': () => answer.promise });
    const { user } = renderAt('/');

    await user.type(screen.getByLabelText('Email'), 'bob@contoso.example');
    await user.type(screen.getByLabelText('Password'), 'hunter2!');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(screen.getByRole('button', { name: 'Log in…' })).toBeDisabled();
    expect(await server.lastBody('POST /api/legacy/login')).toEqual({ email: 'bob@contoso.example', password: 'hunter2!' });
    expect(fakeManager.signinRedirect).not.toHaveBeenCalled();

    answer.resolve(json({ redirectUrl: '/portal' }));
    await vi.waitFor(() => expect(fakeManager.signinRedirect).toHaveBeenCalledTimes(1));
  });

  it('tells a migrated user to use Single Sign-On', async () => {
    mockApi({
      'POST /api/legacy/login': () =>
        problem(403, { detail: 'Your account has moved to Single Sign-On. Use Log in with Single Sign-On.' }),
    });
    const { user } = renderAt('/');

    await user.type(screen.getByLabelText('Email'), 'ada@contoso.example');
    await user.type(screen.getByLabelText('Password'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Your account has moved to Single Sign-On.');
    expect(screen.getByRole('button', { name: 'Log in' })).toBeEnabled();
    expect(fakeManager.signinRedirect).not.toHaveBeenCalled();
  });

  it('works opened directly, without the router (main.tsx renders it so on /), and says when the session ended', async () => {
    mockApi({});
    fakeManager.signinRedirect.mockReturnValue(new Promise(() => undefined));
    const user = userEvent.setup();
    render(<LoginPage search="?session=ended" />);

    expect(screen.getByRole('heading', { level: 1, name: 'Your session has ended' })).toBeVisible();
    await user.click(within(screen.getByRole('region', { name: 'Log in again' })).getByRole('button', { name: 'Log in with Single Sign-On' }));

    await vi.waitFor(() => expect(fakeManager.signinRedirect).toHaveBeenCalledWith({ state: { returnTo: '/portal' } }));
    expect(screen.getByRole('button', { name: /Log in with Single Sign-On/ })).toHaveAttribute('aria-busy', 'true');
  });
});
