import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { adminBasics, grace, manageUsersUrl, openAdmin, page } from '../../test/admin';
import { empty, json, mockApi } from '../../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';
import { table } from './ManageUsers.testSupport';

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
});

describe("Manage Users: a user's details", () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
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
