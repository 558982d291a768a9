import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { adminBasics, auditUrl, contoso, fabrikam, openAdmin } from '../../test/admin';
import { json, mockApi, problem } from '../../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';
import type { AuditEntry } from './adminTypes';
import type { UpcomingBatch } from './migration/migrationTypes';
import { formatInZone } from './migration/zonedTime';

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
});

const december: UpcomingBatch = {
  batchId: 'b-dec',
  scheduledAt: '2026-12-14T08:00:00Z',
  timeZone: 'Europe/Amsterdam',
  windowOpensAt: null,
  status: 'scheduled',
  resumes: false,
  clients: [
    { id: fabrikam.id, name: 'Fabrikam', endUsers: 1, failed: 0 },
    { id: 'c-northwind', name: 'Northwind Traders', endUsers: 40, failed: 0 },
  ],
};

describe('partner staff following the migration of their clients', () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
  });

  it('see a banner naming each client with a planned move, its date and time zone', async () => {
    mockApi({
      ...adminBasics(),
      'GET /api/admin/migration/upcoming': () =>
        json([december, { ...december, batchId: 'b-now', status: 'running', clients: [{ id: 'c-t', name: 'Tailspin', endUsers: 3, failed: 0 }] }]),
    });

    await openAdmin('/admin', 'Admin area');

    const banner = await screen.findByRole('region', { name: 'Planned moves to Single Sign-On' });
    const when = formatInZone(december.scheduledAt, 'Europe/Amsterdam');
    expect(when).toMatch(/09:00 \(Europe\/Amsterdam\)$/);
    expect(within(banner).getByText(`Northwind Traders moves to Single Sign-On on ${when}.`)).toBeVisible();
    expect(within(banner).getByText(`Fabrikam moves to Single Sign-On on ${when}.`)).toBeVisible();
    expect(within(banner).getByText('Tailspin is moving to Single Sign-On now.')).toBeVisible();
  });

  it('see no banner when nothing is planned', async () => {
    const server = mockApi(adminBasics());
    await openAdmin('/admin', 'Admin area');
    await screen.findByRole('table');
    expect(server.requests('GET /api/admin/migration/upcoming')).toHaveLength(1);
    expect(screen.queryByRole('region', { name: 'Planned moves to Single Sign-On' })).not.toBeInTheDocument();
  });

  it('are told in passing when the planned moves cannot be loaded', async () => {
    mockApi({ ...adminBasics(), 'GET /api/admin/migration/upcoming': () => problem(503, { detail: 'The database is not answering.' }) });
    await openAdmin('/admin', 'Admin area');
    expect(await screen.findByText(/Planned moves to Single Sign-On could not be loaded: The database is not answering\./)).toBeVisible();
  });

  it('see per client a bar of how many end users are migrated', async () => {
    mockApi({
      ...adminBasics(),
      'GET /api/admin/clients': () => json([contoso, { ...fabrikam, endUsers: 240, migrated: 60 }, { ...fabrikam, id: 'c-empty', name: 'Empty', endUsers: 0 }]),
    });
    await openAdmin('/admin', 'Admin area');

    const fabrikamBar = await screen.findByRole('progressbar', { name: 'Fabrikam: migrated 60 of 240' });
    expect(fabrikamBar).toHaveAttribute('value', '60');
    expect(fabrikamBar).toHaveAttribute('max', '240');
    expect(screen.getByRole('progressbar', { name: 'Contoso: migrated 2 of 2' })).toBeVisible();
    expect(screen.getByRole('row', { name: /Empty/ })).toHaveTextContent('No end users');
  });

  it('read the migration actions in the audit log in words, and can filter by them', async () => {
    const entry = (id: string, action: string): AuditEntry => ({
      id,
      at: '2026-12-14T08:01:00Z',
      actorName: 'System',
      action,
      targetType: 'end-user',
      targetId: 'u-ada',
      targetName: 'Ada Lovelace',
      before: null,
      after: null,
      clientIp: null,
    });
    mockApi({
      ...adminBasics(),
      'GET /api/admin/audit': () =>
        json({
          items: [
            entry('a-1', 'end-user.migrated'),
            entry('a-2', 'end-user.migration-failed'),
            entry('a-3', 'end-user.migration-rolled-back'),
            entry('a-4', 'migration-batch.rescheduled'),
          ],
          page: 1,
          pageSize: 50,
          total: 4,
        }),
    });
    await openAdmin(auditUrl, 'Audit');

    const log = await screen.findByRole('table', { name: 'Audit log' });
    const actions = within(log)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.children[2]?.textContent);
    expect(actions).toEqual(['Migrated to SSO', 'Migration failed', 'Migration rolled back', 'Batch rescheduled']);
    const options = within(screen.getByLabelText('Action')).getAllByRole('option').map((option) => option.textContent);
    expect(options).toEqual(expect.arrayContaining(['Excluded from migration', 'Migration retried', 'Batch created', 'Batch completed']));
  });
});
