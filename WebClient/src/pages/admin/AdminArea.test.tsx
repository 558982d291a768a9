import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { json, mockApi, notStaff, problem } from '../../test/api';
import { adminBasics, openAdmin, partnerAdmin, technician } from '../../test/admin';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';
import { portalMe } from '../../test/portal';
import { renderAt } from '../../test/render';

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
});

const noPortalAccess = () =>
  problem(403, {
    type: 'https://portal.example/problems/no-portal-access',
    title: 'No portal access',
    detail: 'Your account has no access to the End User Portal. Contact your IT provider.',
  });

const endUser = portalMe();

describe('landing after sign-in', () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
  });

  it('sends partner staff, who have no portal access, on to the admin area', async () => {
    const server = mockApi({ 'GET /api/portal/me': noPortalAccess, ...adminBasics() });

    renderAt('/portal');

    expect(await screen.findByRole('heading', { level: 1, name: 'Admin area' }, { timeout: 5000 })).toBeVisible();
    const banner = screen.getByRole('banner');
    expect(within(banner).getByText('Northwind MSP')).toBeVisible();
    expect(within(banner).getByText('Pat Partner · Partner admin')).toBeVisible();
    expect(screen.queryByText(/no access to the End User Portal/)).not.toBeInTheDocument();
    expect(server.requests('GET /api/admin/me')[0]?.headers.get('Authorization')).toBe('Bearer access-1');
  });

  it('keeps someone who is neither an end user nor staff on the portal, with both sentences', async () => {
    mockApi({ 'GET /api/portal/me': noPortalAccess, 'GET /api/admin/me': notStaff });

    renderAt('/portal');

    const [portal, admin] = await screen.findAllByRole('alert');
    expect(portal).toHaveTextContent('Your account has no access to the End User Portal. Contact your IT provider.');
    expect(admin).toHaveTextContent("This area is for your IT provider's staff. Sign in with a staff account.");
    expect(screen.queryByRole('heading', { name: 'Admin area' })).not.toBeInTheDocument();
  });

  it('tells staff signed in without MFA what to do', async () => {
    const noMfa = "This needs a sign-in with your authenticator code. Log out, then log in with Single Sign-On.";
    mockApi({
      'GET /api/portal/me': noPortalAccess,
      'GET /api/admin/me': () => problem(403, { type: 'https://portal.example/problems/forbidden', detail: noMfa }),
    });

    renderAt('/portal');

    expect((await screen.findAllByRole('alert')).at(-1)).toHaveTextContent(noMfa);
  });

  it('gives staff who are also end users a link to the admin area', async () => {
    mockApi({ 'GET /api/portal/me': () => json(endUser), 'GET /api/admin/me': () => json(partnerAdmin) });

    renderAt('/portal');

    expect(await screen.findByRole('link', { name: 'Go to the admin area' })).toHaveAttribute('href', '/admin');
  });

  it('shows end users no such link', async () => {
    const server = mockApi({ 'GET /api/portal/me': () => json(endUser) });

    renderAt('/portal');

    await screen.findByRole('heading', { name: 'Welcome, Ada Lovelace' });
    await vi.waitFor(() => expect(server.requests('GET /api/admin/me')).toHaveLength(1));
    expect(screen.queryByRole('link', { name: 'Go to the admin area' })).not.toBeInTheDocument();
  });
});

describe('the admin area', () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
  });

  it('says why when the Api refuses the caller (not staff, or no MFA)', async () => {
    mockApi({ 'GET /api/admin/me': notStaff });

    renderAt('/admin');

    expect(await screen.findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent(
      "This area is for your IT provider's staff. Sign in with a staff account.",
    );
    expect(screen.getByRole('button', { name: 'Log out' })).toBeVisible();
  });

  it('shows the sentence of a session without MFA', async () => {
    const noMfa = 'This needs a sign-in with your authenticator code. Log out, then log in with Single Sign-On.';
    mockApi({ 'GET /api/admin/me': () => problem(403, { type: 'https://portal.example/problems/forbidden', detail: noMfa }) });

    renderAt('/admin/settings');

    expect(await screen.findByRole('alert', {}, { timeout: 5000 })).toHaveTextContent(noMfa);
    expect(screen.queryByRole('navigation', { name: 'Admin' })).not.toBeInTheDocument();
  });

  it('leads from Settings through Account Administration and Users to Manage Users', async () => {
    mockApi({ ...adminBasics(), 'GET /api/admin/end-users': () => json({ items: [], page: 1, pageSize: 50, total: 0 }) });
    const { user } = await openAdmin('/admin', 'Admin area');
    const nav = screen.getByRole('navigation', { name: 'Admin' });
    expect(within(nav).getAllByRole('link').map((link) => link.textContent)).toEqual(['Home', 'Tickets', 'Settings']);

    await user.click(within(nav).getByRole('link', { name: 'Settings' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await user.click(within(nav).getByRole('link', { name: 'Account Administration' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Account Administration' })).toBeVisible();
    expect(within(nav).getByRole('link', { name: 'Audit' })).toBeVisible();
    await user.click(within(nav).getByRole('link', { name: 'Users' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
    await user.click(within(nav).getByRole('link', { name: 'Manage Users' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Manage Users' })).toBeVisible();
    expect(within(nav).getByRole('link', { name: 'Manage Users' })).toHaveAttribute('aria-current', 'page');
  });

  it("shows the partner's clients and how many of their users are on SSO", async () => {
    mockApi(adminBasics(technician));

    await openAdmin('/admin', 'Admin area');

    const clients = await screen.findByRole('table');
    expect(within(clients).getByRole('link', { name: 'Contoso' })).toHaveAttribute(
      'href',
      '/admin/settings/account-administration/users/manage-users?clientId=c-contoso',
    );
    expect(within(clients).getByText(/0 of 1/)).toBeVisible();
    expect(within(screen.getByRole('banner')).getByText('Tess Tech · Technician')).toBeVisible();
  });
});
