import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { adminBasics, fabrikam, openAdmin, page } from '../../test/admin';
import { json, mockApi } from '../../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';
import type { UpcomingBatch } from './migration/migrationTypes';
import { formatInZone } from './migration/zonedTime';

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
});

const base: UpcomingBatch = {
  batchId: 'b-1',
  scheduledAt: '2026-12-14T08:00:00Z',
  timeZone: 'Europe/Amsterdam',
  windowOpensAt: null,
  status: 'scheduled',
  resumes: false,
  clients: [{ id: fabrikam.id, name: 'Fabrikam', endUsers: 40, failed: 0 }],
};

describe('partners partially migrated', () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
  });

  it('see on their home a paused move, users a run left behind, and the date a move goes on', async () => {
    mockApi({
      ...adminBasics(),
      'GET /api/admin/migration/upcoming': () =>
        json([
          { ...base, batchId: 'b-paused', status: 'paused', clients: [{ id: 'c-p', name: 'Paused Co', endUsers: 9, failed: 0 }] },
          { ...base, batchId: 'b-done', status: 'completed', clients: [{ id: 'c-f', name: 'Failed Co', endUsers: 9, failed: 3 }, { id: 'c-ok', name: 'Fine Co', endUsers: 2, failed: 0 }] },
          { ...base, batchId: 'b-again', resumes: true, clients: [{ id: 'c-r', name: 'Resumed Co', endUsers: 9, failed: 0 }] },
        ]),
    });
    await openAdmin('/admin', 'Admin area');

    const banner = await screen.findByRole('region', { name: 'Planned moves to Single Sign-On' });
    const when = formatInZone(base.scheduledAt, 'Europe/Amsterdam');
    expect(within(banner).getByText('The move of Paused Co to Single Sign-On is paused because of a technical issue; you will be e-mailed the new date.')).toBeVisible();
    expect(within(banner).getByText(`3 end users of Failed Co could not be moved on ${when}; they are retried at the next run, whose date you will be e-mailed.`)).toBeVisible();
    expect(within(banner).queryByText(/Fine Co/)).not.toBeInTheDocument();
    expect(within(banner).getByText(`The end users of Resumed Co not moved yet move to Single Sign-On on ${when}.`)).toBeVisible();
  });

  it('reach the help page from the banner, read every state in plain words, and go to the users needing attention', async () => {
    const server = mockApi({
      ...adminBasics(),
      'GET /api/admin/migration/upcoming': () => json([base]),
      'GET /api/admin/end-users': () => json(page([])),
    });
    const { user } = await openAdmin('/admin', 'Admin area');

    const banner = await screen.findByRole('region', { name: 'Planned moves to Single Sign-On' });
    await user.click(within(banner).getByRole('link', { name: 'What the Migrated to SSO column tells you, and what to do' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'FAQ for partners partially migrated to Single Sign-On' })).toBeVisible();
    expect(screen.getByRole('heading', { name: 'What should I do if I find users unmarked in the Migrated to SSO column?' })).toBeVisible();
    const states = screen.getAllByRole('term').map((term) => term.textContent);
    expect(states).toEqual(
      expect.arrayContaining([
        'Not scheduled yet',
        'Scheduled for <date>',
        'No usable e-mailNeeds attention',
        'Same e-mail as another userNeeds attention',
        'Waiting for the account owner',
        'Account owner declinedNeeds attention',
        'Excluded by the platform team',
        'Move failed',
        'Move paused',
      ]),
    );
    expect(screen.getByText(/We notify you as soon as possible and provide a rescheduled timeline\./)).toBeVisible();

    await user.click(screen.getByRole('link', { name: 'show the users that need your attention' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Manage Users' })).toBeVisible();
    expect(screen.getByRole('checkbox', { name: 'Needs attention' })).toBeChecked();
    expect(new URL(server.requests('GET /api/admin/end-users').at(-1)!.url).searchParams.get('needsAttention')).toBe('true');
  });
});
