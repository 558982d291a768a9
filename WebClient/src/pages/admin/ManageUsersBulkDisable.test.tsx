import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ada, adminBasics, bob, grace, manageUsersUrl, openAdmin, page } from '../../test/admin';
import { json, mockApi } from '../../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';
import { table } from './ManageUsers.testSupport';

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
});

describe('Manage Users: disabling the selected users', () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
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
});
