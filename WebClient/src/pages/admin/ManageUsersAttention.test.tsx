import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ada, adminBasics, bob, manageUsersUrl, openAdmin, page, pickRowAction, rowActionNames, technician } from '../../test/admin';
import { empty, json, mockApi } from '../../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';
import type { EndUserMigration, EndUserRow } from './adminTypes';
import { lastQuery, table } from './ManageUsers.testSupport';
import { formatInZone } from './migration/zonedTime';

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
});

const move = (state: string, extra: Partial<EndUserMigration> = {}): EndUserMigration => ({
  state,
  scheduledAt: null,
  timeZone: null,
  reason: null,
  needsAttention: false,
  ...extra,
});

const unmarked = (id: string, name: string, migration: EndUserMigration): EndUserRow => ({
  ...bob,
  id,
  name,
  email: `${id}@fabrikam.example`,
  enabled: true,
  migration,
});

const march = { scheduledAt: '2099-03-14T08:00:00Z', timeZone: 'Europe/Amsterdam' };
const scheduled = unmarked('u-sam', 'Sam Scheduled', move('scheduled', march));
const noEmail = unmarked('u-nia', 'Nia Noaddress', move('no-usable-email', { ...march, needsAttention: true }));
const twin = unmarked('u-tom', 'Tom Twin', move('duplicate-email', { needsAttention: true }));
const failed = unmarked(
  'u-fay',
  'Fay Failed',
  move('failed', { ...march, reason: 'The single sign-on account with this e-mail already belongs to another portal user.', needsAttention: true }),
);
const excluded = unmarked('u-eve', 'Eve Excluded', move('excluded', march));
const waiting = unmarked('u-wes', 'Wes Waiting', move('awaiting-owner'));

describe('Manage Users: an answer for every unmarked user', () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
  });

  it('says in visible words why each unmarked user is not on SSO yet, and which ones need attention', async () => {
    mockApi({ ...adminBasics(), 'GET /api/admin/end-users': () => json(page([ada, scheduled, noEmail, twin, failed, excluded, waiting])) });
    await openAdmin(manageUsersUrl, 'Manage Users');
    const list = await table();

    const cell = (name: string) => within(list).getByRole('row', { name: new RegExp(name) }).children[6] as HTMLElement;
    const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'Europe/Amsterdam' }).format(new Date(march.scheduledAt));
    expect(cell('Sam Scheduled')).toHaveTextContent(`Not migrated: Scheduled for ${day}`);
    expect(within(cell('Sam Scheduled')).getByText(`Scheduled for ${day}`, { exact: false })).toBeVisible();
    expect(cell('Nia Noaddress')).toHaveTextContent('No usable e-mailNeeds attention');
    expect(cell('Tom Twin')).toHaveTextContent('Same e-mail as another userNeeds attention');
    expect(cell('Fay Failed')).toHaveTextContent('Move failedNeeds attention');
    expect(cell('Eve Excluded')).toHaveTextContent('Excluded by the platform team');
    expect(cell('Eve Excluded')).not.toHaveTextContent('Needs attention');
    expect(cell('Wes Waiting')).toHaveTextContent('Waiting for the account owner');
    expect(cell('Ada Lovelace')).not.toHaveTextContent('Not migrated');
  });

  it("explains a state and what to do in the user's details", async () => {
    mockApi({
      ...adminBasics(),
      'GET /api/admin/end-users': () => json(page([failed])),
      'GET /api/admin/end-users/u-fay': () => json({ user: failed, emails: [] }),
    });
    const { user } = await openAdmin(manageUsersUrl, 'Manage Users');
    await table();

    await user.click(screen.getByRole('button', { name: 'Details of Fay Failed' }));

    const details = screen.getByRole('dialog', { name: 'Fay Failed' });
    expect(
      within(details).getByText(
        `Their move of ${formatInZone(march.scheduledAt, march.timeZone)} failed: The single sign-on account with this e-mail already belongs to another portal user. They are retried automatically at the next run, or now with Retry now.`,
      ),
    ).toBeVisible();
  });

  it('lists only the users needing attention when asked, and the filter lives in the address', async () => {
    const server = mockApi({
      ...adminBasics(),
      'GET /api/admin/end-users': (request) =>
        json(page(new URL(request.url).searchParams.get('needsAttention') === 'true' ? [noEmail, twin, failed] : [ada, scheduled, noEmail, twin, failed])),
    });
    const { user } = await openAdmin(manageUsersUrl, 'Manage Users');
    await table();

    await user.click(screen.getByRole('checkbox', { name: 'Needs attention' }));

    expect(await screen.findByRole('rowheader', { name: 'Nia Noaddress' })).toBeVisible();
    await vi.waitFor(() => expect(screen.queryByRole('rowheader', { name: 'Ada Lovelace' })).not.toBeInTheDocument());
    expect(lastQuery(server)).toMatchObject({ needsAttention: 'true', page: '1' });

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(screen.getByRole('checkbox', { name: 'Needs attention' })).not.toBeChecked();
    expect(await screen.findByRole('rowheader', { name: 'Ada Lovelace' })).toBeVisible();
  });

  it('opens already filtered from a link to Needs attention', async () => {
    const server = mockApi({ ...adminBasics(), 'GET /api/admin/end-users': () => json(page([noEmail])) });
    await openAdmin(`${manageUsersUrl}?needsAttention=true`, 'Manage Users');
    await table();

    expect(screen.getByRole('checkbox', { name: 'Needs attention' })).toBeChecked();
    expect(lastQuery(server)).toMatchObject({ needsAttention: 'true' });
  });

  it('retries the move of a failed user now, for partner admins only', async () => {
    const server = mockApi({
      ...adminBasics(),
      'GET /api/admin/end-users': () => json(page([failed, scheduled])),
      'POST /api/admin/end-users/u-fay/retry-move': () => empty(202),
    });
    const { user } = await openAdmin(manageUsersUrl, 'Manage Users');
    await table();

    expect(await rowActionNames(user, 'Sam Scheduled')).not.toContain('Retry now');
    await pickRowAction(user, 'Fay Failed', 'Retry now');

    expect(await screen.findByText('Fay Failed is being moved to Single Sign-On again.')).toBeVisible();
    expect(server.requests('POST /api/admin/end-users/u-fay/retry-move')).toHaveLength(1);
  });

  it('offers technicians no Retry now', async () => {
    mockApi({ ...adminBasics(technician), 'GET /api/admin/end-users': () => json(page([failed])) });
    const { user } = await openAdmin(manageUsersUrl, 'Manage Users');
    await table();

    expect(await rowActionNames(user, 'Fay Failed')).not.toContain('Retry now');
  });
});
