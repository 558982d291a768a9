import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from '../browser';
import { deferred, json, mockApi } from '../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../test/auth';
import { portalMe } from '../test/portal';
import { renderAt } from '../test/render';

vi.mock('./userManager', async () => {
  const { fakeManager } = await import('../test/auth');
  return { getUserManager: () => fakeManager };
});

const me = portalMe();

describe('the signed-in portal', () => {
  beforeEach(() => {
    resetFakeManager();
    vi.spyOn(browser, 'reload').mockImplementation(() => undefined);
    vi.spyOn(browser, 'replace').mockImplementation(() => undefined);
  });

  it('renews silently after a reload and then shows the welcome in the partner\'s banner, without diagnostics', async () => {
    fakeManager.signinSilent.mockResolvedValue(fakeUser());
    const server = mockApi({ 'GET /api/portal/me': () => json(me) });

    renderAt('/portal');

    expect(screen.getByRole('status')).toHaveTextContent('Signing you in…');
    // The first portal page of the file also waits for the lazily loaded portal (and oidc-client-ts) code.
    expect(await screen.findByRole('heading', { name: 'Welcome, Ada Lovelace' }, { timeout: 5000 })).toBeVisible();
    expect(within(screen.getByRole('banner')).getByText('Northwind MSP')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Edit Profile' })).toHaveAttribute('href', '/portal/profile');
    expect(screen.queryByRole('heading', { name: 'System status' })).not.toBeInTheDocument();
    expect(server.requests('GET /api/status')).toHaveLength(0);
    expect(server.requests('GET /api/portal/me')).toHaveLength(1);
  });

  it('asks the Api for nothing until a token is obtained, and without an SSO session goes to the login page', async () => {
    const renewal = deferred<null>();
    fakeManager.signinSilent.mockReturnValue(renewal.promise);
    const server = mockApi({});

    renderAt('/portal/profile');
    expect(screen.queryByRole('heading', { name: 'Edit Profile' })).not.toBeInTheDocument();
    renewal.resolve(null);

    expect(await screen.findByRole('button', { name: 'Log in with Single Sign-On' })).toBeVisible();
    expect(server.requests('GET /api/portal/me')).toHaveLength(0);
  });

  it('uses the token already in memory without another silent sign-in', async () => {
    fakeManager.getUser.mockResolvedValue(fakeUser());
    mockApi({ 'GET /api/portal/me': () => json(me) });

    renderAt('/portal');

    expect(await screen.findByRole('heading', { name: 'Welcome, Ada Lovelace' })).toBeVisible();
    expect(fakeManager.signinSilent).not.toHaveBeenCalled();
  });

  it('on Log out removes the portal from the page and signs out at the provider', async () => {
    fakeManager.getUser.mockResolvedValue(fakeUser());
    fakeManager.signoutRedirect.mockReturnValue(new Promise(() => undefined));
    mockApi({ 'GET /api/portal/me': () => json(me) });
    const { user } = renderAt('/portal');
    await screen.findByRole('heading', { name: 'Welcome, Ada Lovelace' });

    await user.click(screen.getByRole('button', { name: 'Log out' }));

    expect(fakeManager.signoutRedirect).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('status')).toHaveTextContent('Signing you out…');
    expect(screen.queryByText('Ada Lovelace', { exact: false })).not.toBeInTheDocument();
    expect(screen.queryByText('ada@contoso.example')).not.toBeInTheDocument();
  });

  it('reloads a portal page restored from the back/forward cache, so no old data shows', async () => {
    fakeManager.getUser.mockResolvedValue(fakeUser());
    mockApi({ 'GET /api/portal/me': () => json(me) });
    renderAt('/portal');
    await screen.findByRole('heading', { name: 'Welcome, Ada Lovelace' });

    const restored = new Event('pageshow') as PageTransitionEvent;
    Object.defineProperty(restored, 'persisted', { value: true });
    window.dispatchEvent(restored);

    await waitFor(() => expect(browser.reload).toHaveBeenCalled());
  });
});
