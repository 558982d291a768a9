import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from '../../browser';
import { ada, adminBasics, bob, manageUsersUrl, openAdmin, page, queryOf } from '../../test/admin';
import { deferred, json, mockApi, problem } from '../../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';
import { table } from './ManageUsers.testSupport';

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
});

describe('Manage Users: the CSV export', () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
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
});
