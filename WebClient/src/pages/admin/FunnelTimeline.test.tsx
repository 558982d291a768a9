import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openAdmin } from '../../test/admin';
import { json, mockApi } from '../../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';
import { funnelOf, timelineBatch } from '../../test/funnel';
import { migrationUrl, operatorBasics } from '../../test/migration';
import { completed, openBatch } from './BatchPage.testSupport';
import { formatInZone } from './migration/zonedTime';

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
});

describe('the operators’ view of the migration', () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
  });

  it('puts every batch on a timeline with its phase and completion', async () => {
    mockApi({
      ...operatorBasics(),
      'GET /api/admin/migration/batches': () => json([]),
      'GET /api/admin/migration/batches/timeline': () =>
        json({
          items: [
            timelineBatch({ id: 'b-may', name: 'May wave', phase: 'scheduled', scheduledAt: '2099-05-01T08:00:00Z', done: 0, percent: 0, moved: 0, activated: 0 }),
            timelineBatch({ id: 'b-april', name: 'April wave', phase: 'paused', done: 60, percent: 50, moved: 60, activated: 5 }),
            timelineBatch({ phase: 'failed', failed: 2, moved: 118, done: 120 }),
          ],
          page: 1,
          pageSize: 50,
          total: 3,
        }),
    });

    await openAdmin(migrationUrl, 'Migration');

    const timeline = await screen.findByRole('list', { name: 'Timeline' });
    const [may, april, march] = within(timeline).getAllByRole('listitem') as [HTMLElement, HTMLElement, HTMLElement];
    expect(may).toHaveTextContent(`${formatInZone('2099-05-01T08:00:00Z', 'Europe/Amsterdam')}May wave · Scheduled0% complete · 0 moved · 0 activated`);
    expect(within(april).getByRole('progressbar', { name: 'April wave: 50% complete' })).toHaveAttribute('value', '60');
    expect(april).toHaveTextContent('Paused: waiting for a runner');
    expect(march).toHaveTextContent(/Completed with failed users.*100% complete · 118 moved · 40 activated · 2 failed/);
    expect(within(march).getByRole('link', { name: 'March wave' })).toHaveAttribute('href', '/admin/migration/batches/b-march');
  });

  it('shows the funnel of a completed batch on its page', async () => {
    const { view } = openBatch(completed, { 'GET /api/admin/migration/funnel': () => json(funnelOf([196, 1, 0, 1, 0])) });
    await view;

    const panel = await screen.findByRole('region', { name: 'Since the move' });
    const table = within(panel).getByRole('table', { name: 'Funnel of March wave' });
    expect(within(table).getByRole('row', { name: /^Activated their e-mail/ })).toHaveTextContent(/2\s*1%\s*1 person/);
  });
});
