import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from '../../browser';
import {
  ada,
  adminBasics,
  bob,
  contoso,
  fabrikam,
  grace,
  manageUsersUrl,
  openAdmin,
  page,
  pickRowAction,
  queryOf,
  rowActionNames,
  technician,
} from '../../test/admin';
import { deferred, empty, json, mockApi, problem } from '../../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';
import { formatDate } from './format';

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
});

const table = () => screen.findByRole('table', { name: 'End users' });
const header = (name: string) => screen.getByRole('columnheader', { name });
const lastQuery = (server: ReturnType<typeof mockApi>) => queryOf(server.requests('GET /api/admin/end-users').at(-1));

describe('Manage Users', () => {
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
    expect(within(adaRow!).getByRole('cell', { name: 'Active' })).toBeVisible();
    expect(graceRow).toHaveTextContent('Activation pending');
    expect(within(graceRow!).getByText('Locked')).toBeVisible();
    expect(bobRow).toHaveTextContent('Not migrated');
    expect(bobRow).toHaveTextContent('Disabled');
    expect(within(bobRow!).getByRole('button', { name: 'Actions for Bob Legacy' })).toBeVisible();
    expect(await rowActionNames(user, 'Bob Legacy')).toContain('Enable');
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

  it('asks before deleting, naming the user, and deletes only on Delete', async () => {
    let deleted = false;
    const server = mockApi({
      ...adminBasics(),
      'GET /api/admin/end-users': () => json(page(deleted ? [grace] : [ada, grace])),
      'DELETE /api/admin/end-users/u-ada': () => {
        deleted = true;
        return empty(204);
      },
    });
    const { user } = await openAdmin(manageUsersUrl, 'Manage Users');
    await table();

    await pickRowAction(user, 'Ada Lovelace', 'Delete');
    let dialog = screen.getByRole('dialog', { name: 'Delete Ada Lovelace?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(server.requests('DELETE /api/admin/end-users/u-ada')).toHaveLength(0);

    await pickRowAction(user, 'Ada Lovelace', 'Delete');
    dialog = screen.getByRole('dialog', { name: 'Delete Ada Lovelace?' });
    expect(dialog).toHaveFocus();
    // The page behind the dialog takes no focus or clicks.
    expect(screen.getByRole('navigation', { name: 'Admin' }).closest('[inert]')).not.toBeNull();
    expect(screen.getByRole('table', { name: 'End users' }).closest('[inert]')).not.toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    expect(await screen.findByText('Ada Lovelace was deleted.')).toHaveFocus();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(document.querySelector('[inert]')).toBeNull();
    await waitFor(() => expect(screen.queryByRole('rowheader', { name: 'Ada Lovelace' })).not.toBeInTheDocument());
    expect(server.requests('DELETE /api/admin/end-users/u-ada')).toHaveLength(1);
  });

  it("shows the Api's sentence in the dialog when a change is refused", async () => {
    mockApi({
      ...adminBasics(),
      'GET /api/admin/end-users': () => json(page([ada])),
      'POST /api/admin/end-users/u-ada/reset-mfa': () =>
        problem(409, { title: 'Conflict', detail: 'This user has no authenticator to reset.' }),
    });
    const { user } = await openAdmin(manageUsersUrl, 'Manage Users');
    await table();

    await pickRowAction(user, 'Ada Lovelace', 'Reset MFA');
    const dialog = screen.getByRole('dialog', { name: 'Reset MFA of Ada Lovelace?' });
    await user.click(within(dialog).getByRole('button', { name: 'Reset MFA' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('This user has no authenticator to reset.');
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

  it('shows a technician only the actions a technician may use', async () => {
    mockApi({ ...adminBasics(technician), 'GET /api/admin/end-users': () => json(page([ada, grace, bob])) });
    const { user } = await openAdmin(manageUsersUrl, 'Manage Users');
    await table();

    expect(screen.queryByRole('button', { name: 'Add end user' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Disable selected' })).not.toBeInTheDocument();
    // Ada is active on SSO: a technician has nothing to do there but look.
    expect(screen.queryByRole('button', { name: 'Actions for Ada Lovelace' })).not.toBeInTheDocument();
    expect(await rowActionNames(user, 'Grace Hopper')).toEqual(['Resend activation', 'Unlock']);
    expect(await rowActionNames(user, 'Bob Legacy')).toEqual(['Resend activation']);
    expect(screen.getByRole('button', { name: 'Resend activation' })).toBeVisible();
  });

  it('gives a partner admin every action', async () => {
    mockApi({ ...adminBasics(), 'GET /api/admin/end-users': () => json(page([ada, grace])) });
    const { user } = await openAdmin(manageUsersUrl, 'Manage Users');
    await table();

    expect(await rowActionNames(user, 'Ada Lovelace')).toEqual(['Edit', 'Disable', 'Reset MFA', 'Delete']);
    expect(await rowActionNames(user, 'Grace Hopper')).toEqual(['Edit', 'Disable', 'Resend activation', 'Unlock', 'Delete']);
    expect(screen.getByRole('button', { name: 'Add end user' })).toBeVisible();
  });

  it('unlocks a user at once and says so', async () => {
    const server = mockApi({
      ...adminBasics(),
      'GET /api/admin/end-users': () => json(page([grace])),
      'POST /api/admin/end-users/u-grace/unlock': () => empty(204),
    });
    const { user } = await openAdmin(manageUsersUrl, 'Manage Users');
    await table();

    await pickRowAction(user, 'Grace Hopper', 'Unlock');

    expect(await screen.findByText('Grace Hopper was unlocked.')).toBeVisible();
    expect(server.requests('POST /api/admin/end-users/u-grace/unlock')).toHaveLength(1);
    await waitFor(() => expect(server.requests('GET /api/admin/end-users')).toHaveLength(2));
  });

  it('adds an end user and says which e-mail was sent', async () => {
    const server = mockApi({
      ...adminBasics(),
      'GET /api/admin/end-users': () => json(page([ada])),
      'POST /api/admin/end-users': () => json({ id: 'u-new' }, 201),
    });
    const { user } = await openAdmin(manageUsersUrl, 'Manage Users');
    await table();

    await user.click(screen.getByRole('button', { name: 'Add end user' }));
    let dialog = await screen.findByRole('dialog', { name: 'Add end user' });
    await user.selectOptions(within(dialog).getByLabelText('Client'), 'Contoso');
    await user.type(within(dialog).getByLabelText('Name'), 'Alan Turing');
    await user.type(within(dialog).getByLabelText('Email'), 'alan@contoso.example');
    await user.selectOptions(within(dialog).getByLabelText('Role'), 'Client Manager');
    await user.click(within(dialog).getByRole('button', { name: 'Add end user' }));

    expect(await screen.findByText('Alan Turing was added. An activation e-mail was sent.')).toBeVisible();
    expect(await server.lastBody('POST /api/admin/end-users')).toEqual({
      clientId: contoso.id,
      name: 'Alan Turing',
      email: 'alan@contoso.example',
      role: 'Client Manager',
    });

    await user.click(screen.getByRole('button', { name: 'Add end user' }));
    dialog = await screen.findByRole('dialog', { name: 'Add end user' });
    await user.selectOptions(within(dialog).getByLabelText('Client'), fabrikam.name);
    await user.type(within(dialog).getByLabelText('Name'), 'Linus');
    await user.type(within(dialog).getByLabelText('Email'), 'linus@fabrikam.example');
    await user.click(within(dialog).getByRole('button', { name: 'Add end user' }));

    expect(await screen.findByText('Linus was added. A set-password e-mail was sent.')).toBeVisible();
  });

  it("keeps the add dialog open with the Api's sentence when the e-mail is taken", async () => {
    mockApi({
      ...adminBasics(),
      'GET /api/admin/end-users': () => json(page([ada])),
      'POST /api/admin/end-users': () => problem(409, { title: 'Conflict', detail: 'An end user with this e-mail already exists.' }),
    });
    const { user } = await openAdmin(manageUsersUrl, 'Manage Users');
    await table();

    await user.click(screen.getByRole('button', { name: 'Add end user' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add end user' });
    await user.selectOptions(within(dialog).getByLabelText('Client'), 'Contoso');
    await user.type(within(dialog).getByLabelText('Name'), 'Ada Again');
    await user.type(within(dialog).getByLabelText('Email'), 'ada@contoso.example');
    await user.click(within(dialog).getByRole('button', { name: 'Add end user' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('An end user with this e-mail already exists.');
    expect(within(dialog).getByLabelText('Name')).toHaveValue('Ada Again');
  });

  it('edits a user with the same fields, filled in', async () => {
    const server = mockApi({
      ...adminBasics(),
      'GET /api/admin/end-users': () => json(page([ada])),
      'PUT /api/admin/end-users/u-ada': () => empty(204),
    });
    const { user } = await openAdmin(manageUsersUrl, 'Manage Users');
    await table();

    await pickRowAction(user, 'Ada Lovelace', 'Edit');
    const dialog = screen.getByRole('dialog', { name: 'Edit Ada Lovelace' });
    expect(within(dialog).getByLabelText('Email')).toHaveValue('ada@contoso.example');
    await user.clear(within(dialog).getByLabelText('Name'));
    await user.type(within(dialog).getByLabelText('Name'), 'Ada King');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Changes to Ada King were saved.')).toBeVisible();
    expect(await server.lastBody('PUT /api/admin/end-users/u-ada')).toEqual({
      clientId: contoso.id,
      name: 'Ada King',
      email: 'ada@contoso.example',
      role: 'End User',
    });
  });

  it('disables the selected users after confirming, then shows what was done and what failed', async () => {
    const server = mockApi({
      ...adminBasics(),
      'GET /api/admin/end-users': () => json(page([ada, grace, bob])),
      'POST /api/admin/end-users/bulk': () => json({ succeeded: 1, failed: [{ id: 'u-grace', reason: 'not found' }] }),
    });
    const { user } = await openAdmin(manageUsersUrl, 'Manage Users');
    await table();
    expect(screen.getByRole('button', { name: 'Disable selected' })).toBeDisabled();

    await user.click(screen.getByRole('checkbox', { name: 'Select Ada Lovelace' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select Grace Hopper' }));
    expect(screen.getByText('2 end users selected')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Disable selected' }));
    const dialog = screen.getByRole('dialog', { name: 'Disable 2 end users?' });
    expect(server.requests('POST /api/admin/end-users/bulk')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Disable' }));

    const result = await screen.findByRole('dialog', { name: 'Done' });
    expect(result).toHaveTextContent('1 end user was disabled and signed out.');
    expect(result).toHaveTextContent('Grace Hopper: not found');
    expect(await server.lastBody('POST /api/admin/end-users/bulk')).toEqual({ action: 'disable', ids: ['u-ada', 'u-grace'] });
    await user.click(within(result).getByRole('button', { name: 'Close' }));
    expect(screen.getByText('None selected')).toBeVisible();
  });

  it('exports the filtered list as CSV with the token, busy while it downloads', async () => {
    const download = vi.spyOn(browser, 'download').mockImplementation(() => undefined);
    const file = deferred<Response>();
    const server = mockApi({
      ...adminBasics(),
      'GET /api/admin/end-users': () => json(page([bob])),
      'GET /api/admin/end-users/export.csv': () => file.promise,
    });
    const { user } = await openAdmin(`${manageUsersUrl}?clientId=c-fabrikam&migrated=false&sort=email&page=2`, 'Manage Users');
    await table();

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));

    expect(screen.getByRole('button', { name: 'Export CSV…' })).toBeDisabled();
    const request = server.requests('GET /api/admin/end-users/export.csv')[0];
    expect(queryOf(request)).toEqual({ clientId: 'c-fabrikam', migrated: 'false', sort: 'email', desc: 'false' });
    expect(request?.headers.get('Authorization')).toBe('Bearer access-1');
    file.resolve(
      new Response('Name,Email\n', {
        headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="end-users-2024-04-01.csv"' },
      }),
    );
    await waitFor(() => expect(download).toHaveBeenCalledWith(expect.objectContaining({ size: 11 }), 'end-users-2024-04-01.csv'));
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeEnabled();
  });

  it("shows the Api's sentence when the export fails", async () => {
    mockApi({
      ...adminBasics(),
      'GET /api/admin/end-users': () => json(page([ada])),
      'GET /api/admin/end-users/export.csv': () =>
        problem(503, { detail: 'The service is temporarily unavailable. Nothing was changed; please try again in a moment.' }),
    });
    const { user } = await openAdmin(manageUsersUrl, 'Manage Users');
    await table();

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The service is temporarily unavailable.');
  });

  it("shows a user's e-mail deliveries, with the failure reason, and resends", async () => {
    const server = mockApi({
      ...adminBasics(),
      'GET /api/admin/end-users': () => json(page([grace])),
      'GET /api/admin/end-users/u-grace': () =>
        json({
          user: grace,
          emails: [
            {
              id: 'm-2',
              kind: 'activation',
              subject: 'Activate your account',
              createdAt: '2024-04-02T09:00:00Z',
              state: 'failed',
              sentAt: null,
              error: 'Mailbox unavailable',
              attempts: 5,
            },
            {
              id: 'm-1',
              kind: 'migration-notice',
              subject: 'Your portal moves to Single Sign-On',
              createdAt: '2024-03-01T09:00:00Z',
              state: 'sent',
              sentAt: '2024-03-01T09:00:05Z',
              error: null,
              attempts: 1,
            },
          ],
        }),
      'POST /api/admin/end-users/u-grace/resend-activation': () => empty(202),
    });
    const { user } = await openAdmin(manageUsersUrl, 'Manage Users');
    await table();

    await user.click(screen.getByRole('button', { name: 'Details of Grace Hopper' }));
    const panel = screen.getByRole('dialog', { name: 'Grace Hopper' });
    const deliveries = await within(panel).findByRole('table');
    expect(deliveries).toHaveTextContent('Activate your account');
    expect(deliveries).toHaveTextContent('Failed after 5 attempts: Mailbox unavailable');
    expect(deliveries).toHaveTextContent('Sent');

    await user.click(within(panel).getByRole('button', { name: 'Resend the activation e-mail to Grace Hopper' }));

    expect(await within(panel).findByRole('status')).toHaveTextContent('An activation e-mail was sent to grace@contoso.example.');
    expect(server.requests('POST /api/admin/end-users/u-grace/resend-activation')).toHaveLength(1);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Details of Grace Hopper' })).toHaveFocus();
  });
});
