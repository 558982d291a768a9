import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { adminBasics, openAdmin } from '../../test/admin';
import { json, mockApi } from '../../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';
import type { UpcomingBatch } from './migration/migrationTypes';
import { formatInZone } from './migration/zonedTime';

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
});

const batch = (id: string, client: string, windowOpensAt: string | null): UpcomingBatch => ({
  batchId: id,
  scheduledAt: '2099-12-14T08:00:00Z',
  timeZone: 'Europe/Amsterdam',
  windowOpensAt,
  status: 'scheduled',
  resumes: false,
  clients: [{ id: `c-${id}`, name: client, endUsers: 12, failed: 0 }],
});

/** Partner staff learn from the banner when their users can already move by logging in (mixed mode). */
describe('the planned-moves banner with early moves', () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
  });

  it('says the users can move now once the early moves have begun, and from when before that', async () => {
    const later = '2099-12-10T08:00:00Z';
    mockApi({
      ...adminBasics(),
      'GET /api/admin/migration/upcoming': () =>
        json([batch('open', 'Fabrikam', '2020-01-01T00:00:00Z'), batch('later', 'Northwind Traders', later), batch('none', 'Tailspin', null)]),
    });

    await openAdmin('/admin', 'Admin area');

    const banner = await screen.findByRole('region', { name: 'Planned moves to Single Sign-On' });
    const when = formatInZone('2099-12-14T08:00:00Z', 'Europe/Amsterdam');
    expect(
      within(banner).getByText(`Fabrikam moves to Single Sign-On on ${when}. Your users can move now by logging in on the portal.`),
    ).toBeVisible();
    expect(
      within(banner).getByText(
        `Northwind Traders moves to Single Sign-On on ${when}. From ${formatInZone(later, 'Europe/Amsterdam')}, your users can move earlier by logging in on the portal.`,
      ),
    ).toBeVisible();
    expect(within(banner).getByText(`Tailspin moves to Single Sign-On on ${when}.`)).toBeVisible();
  });
});
