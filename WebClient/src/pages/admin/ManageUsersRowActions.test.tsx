import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ada, adminBasics, bob, grace, manageUsersUrl, openAdmin, page, pickRowAction, rowActionNames, technician } from '../../test/admin';
import { empty, json, mockApi, problem } from '../../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';
import { table } from './ManageUsers.testSupport';

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
});

describe("Manage Users: a row's actions", () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
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
    // The partner knows what goes: passkeys as well as the app.
    expect(dialog).toHaveTextContent('Their authenticator app, their passkeys and their recovery codes are removed');
    await user.click(within(dialog).getByRole('button', { name: 'Reset MFA' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('This user has no authenticator to reset.');
  });

  it('shows a technician only the actions a technician may use', async () => {
    mockApi({ ...adminBasics(technician), 'GET /api/admin/end-users': () => json(page([ada, grace, bob])) });
    const { user } = await openAdmin(manageUsersUrl, 'Manage Users');
    await table();

    expect(screen.queryByRole('button', { name: 'Add end user' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Disable selected' })).not.toBeInTheDocument();
    // Ada is active on SSO: a technician has nothing to do there but look.
    expect(screen.queryByRole('button', { name: 'Actions for Ada Lovelace' })).not.toBeInTheDocument();
    expect(await rowActionNames(user, 'Grace Hopper')).toEqual(['Resend activation', 'Send reminder', 'Unlock']);
    expect(await rowActionNames(user, 'Bob Legacy')).toEqual(['Resend activation']);
    expect(screen.getByRole('button', { name: 'Resend activation' })).toBeVisible();
  });

  it('gives a partner admin every action', async () => {
    mockApi({ ...adminBasics(), 'GET /api/admin/end-users': () => json(page([ada, grace])) });
    const { user } = await openAdmin(manageUsersUrl, 'Manage Users');
    await table();

    expect(await rowActionNames(user, 'Ada Lovelace')).toEqual(['Edit', 'Disable', 'Reset MFA', 'Delete']);
    expect(await rowActionNames(user, 'Grace Hopper')).toEqual(['Edit', 'Disable', 'Resend activation', 'Send reminder', 'Unlock', 'Delete']);
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
});
