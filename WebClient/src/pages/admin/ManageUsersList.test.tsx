import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ada, adminBasics, bob, grace, manageUsersUrl, openAdmin, page, queryOf, rowActionNames } from '../../test/admin';
import { json, mockApi, problem } from '../../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';
import { formatDate } from './format';
import { header, lastQuery, table } from './ManageUsers.testSupport';

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
});

describe('Manage Users: the list, its filters, sorting and pages', () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
  });

  it('asks the Api for exactly what the URL says', async () => {
    const server = mockApi({ ...adminBasics(), 'GET /api/admin/end-users': () => json(page([bob], { page: 2, total: 51 })) });

    await openAdmin(
      `${manageUsersUrl}?search=bob&clientId=c-fabrikam&status=disabled&migrated=false&ssoState=active&sort=email&desc=true&page=2`,
      'Manage Users',
    );

    await table();
    expect(queryOf(server.requests('GET /api/admin/end-users')[0])).toEqual({
      search: 'bob',
      clientId: 'c-fabrikam',
      status: 'disabled',
      migrated: 'false',
      ssoState: 'active',
      sort: 'email',
      desc: 'true',
      page: '2',
      pageSize: '50',
    });
    expect(screen.getByLabelText('Search')).toHaveValue('bob');
    expect(screen.getByLabelText('Status')).toHaveValue('disabled');
    expect(screen.getByLabelText('Migrated to SSO')).toHaveValue('false');
    await waitFor(() => expect(screen.getByLabelText('Client')).toHaveValue('c-fabrikam'));
    expect(screen.getByText('Page 2 of 2 · 51 end users')).toBeVisible();
  });

  it('sends a changed filter and the typed search (once typing pauses), back at page 1', async () => {
    const server = mockApi({ ...adminBasics(), 'GET /api/admin/end-users': () => json(page([ada, grace])) });
    const { user } = await openAdmin(`${manageUsersUrl}?page=3`, 'Manage Users');
    await table();

    await user.selectOptions(screen.getByLabelText('Status'), 'Enabled');
    await waitFor(() => expect(lastQuery(server)).toMatchObject({ status: 'enabled', page: '1' }));

    await user.type(screen.getByLabelText('Search'), 'grace');
    await waitFor(() => expect(lastQuery(server)).toMatchObject({ search: 'grace', status: 'enabled' }));
    const searches = server.requests('GET /api/admin/end-users').map((request) => queryOf(request).search);
    expect(searches.filter((search) => search?.startsWith('gr'))).toEqual(['grace']);
  });

  it('sorts by a column header, toggling aria-sort', async () => {
    const server = mockApi({ ...adminBasics(), 'GET /api/admin/end-users': () => json(page([ada, grace])) });
    const { user } = await openAdmin(manageUsersUrl, 'Manage Users');
    await table();
    expect(header('Name')).toHaveAttribute('aria-sort', 'ascending');
    expect(header('Last login')).toHaveAttribute('aria-sort', 'none');

    await user.click(within(header('Last login')).getByRole('button'));
    await waitFor(() => expect(header('Last login')).toHaveAttribute('aria-sort', 'ascending'));
    expect(header('Name')).toHaveAttribute('aria-sort', 'none');
    expect(lastQuery(server)).toMatchObject({ sort: 'lastLogin', desc: 'false' });

    await user.click(within(header('Last login')).getByRole('button'));
    await waitFor(() => expect(header('Last login')).toHaveAttribute('aria-sort', 'descending'));
    expect(lastQuery(server)).toMatchObject({ sort: 'lastLogin', desc: 'true' });
  });

  it('shows Migrated to SSO as a mark with words, the SSO state and a Locked badge', async () => {
    mockApi({ ...adminBasics(), 'GET /api/admin/end-users': () => json(page([ada, grace, bob])) });
    const { user } = await openAdmin(manageUsersUrl, 'Manage Users');
    const rows = within(await table()).getAllByRole('row');

    const [adaRow, graceRow, bobRow] = rows.slice(1);
    expect(adaRow).toHaveTextContent(`Migrated on ${formatDate('2024-03-15T10:00:00Z')}`);
    expect(within(adaRow!).getByRole('cell', { name: 'Active Authenticator app' })).toBeVisible();
    expect(graceRow).toHaveTextContent('Activation pending');
    expect(within(graceRow!).getByText('Locked')).toBeVisible();
    expect(bobRow).toHaveTextContent('Not migrated');
    expect(bobRow).toHaveTextContent('Disabled');
    expect(within(bobRow!).getByRole('button', { name: 'Actions for Bob Legacy' })).toBeVisible();
    expect(await rowActionNames(user, 'Bob Legacy')).toContain('Enable');
  });

  it('says whether a migrated user signs in with a passkey, an authenticator app, or both', async () => {
    const pia = { ...ada, id: 'u-pia', name: 'Pia Passkey', email: 'pia@contoso.example', mfa: ['passkey'] };
    const bea = { ...ada, id: 'u-bea', name: 'Bea Both', email: 'bea@contoso.example', mfa: ['passkey', 'authenticator-app'] };
    mockApi({ ...adminBasics(), 'GET /api/admin/end-users': () => json(page([pia, bea, grace])) });
    await openAdmin(manageUsersUrl, 'Manage Users');
    const [piaRow, beaRow, graceRow] = within(await table()).getAllByRole('row').slice(1);

    expect(within(piaRow!).getByRole('cell', { name: 'Active Passkey' })).toBeVisible();
    expect(within(beaRow!).getByRole('cell', { name: 'Active Passkey Authenticator app' })).toBeVisible();
    expect(within(graceRow!).getByRole('cell', { name: 'Activation pending' })).toBeVisible();
  });

  it('says so when nothing matches the filters', async () => {
    mockApi({ ...adminBasics(), 'GET /api/admin/end-users': () => json(page([])) });

    await openAdmin(`${manageUsersUrl}?status=disabled`, 'Manage Users');

    expect(await screen.findByText('No end users match these filters.')).toBeVisible();
  });

  it('pages with Previous and Next', async () => {
    const server = mockApi({
      ...adminBasics(),
      'GET /api/admin/end-users': (request) => json(page([ada], { page: Number(queryOf(request).page), total: 120 })),
    });
    const { user } = await openAdmin(manageUsersUrl, 'Manage Users');
    expect(await screen.findByText('Page 1 of 3 · 120 end users')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Next' }));

    expect(await screen.findByText('Page 2 of 3 · 120 end users')).toBeVisible();
    expect(lastQuery(server)).toMatchObject({ page: '2' });
  });

  it('says "10,000+" when the server stopped counting, and pages only through those', async () => {
    mockApi({
      ...adminBasics(),
      'GET /api/admin/end-users': (request) => json(page([ada], { page: Number(queryOf(request).page ?? 200), total: 10000, totalIsCapped: true })),
    });

    await openAdmin(`${manageUsersUrl}?page=200`, 'Manage Users');

    expect(await screen.findByText('Page 200 of 200 · 10,000+ end users')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
  });

  it("shows the Api's sentence when the list cannot be loaded", async () => {
    mockApi({
      ...adminBasics(),
      'GET /api/admin/end-users': () =>
        problem(400, { title: 'One or more validation errors occurred.', errors: { sort: ['Sort by name, email, client, role, status, migratedAt or lastLogin.'] } }),
    });

    await openAdmin(manageUsersUrl, 'Manage Users');

    expect(await screen.findByRole('alert')).toHaveTextContent('Sort by name, email, client, role, status, migratedAt or lastLogin.');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeVisible();
  });
});
