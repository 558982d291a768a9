import { screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from '../../browser';
import { adminBasics, auditUrl, openAdmin, queryOf } from '../../test/admin';
import { json, mockApi, problem } from '../../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';
import type { AuditEntry } from './adminTypes';

// The page is read in New York (UTC−5 in December), not in UTC: a time shown without its zone
// would be off by five hours. Set before the page's modules load (their formatters read the zone).
vi.hoisted(() => vi.stubEnv('TZ', 'America/New_York'));
afterAll(() => vi.unstubAllEnvs());

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
});

const edited: AuditEntry = {
  id: 'a-2',
  at: '2024-04-02T09:00:00Z',
  actorName: 'Pat Partner',
  action: 'end-user.edited',
  targetType: 'end-user',
  targetId: 'u-ada',
  targetName: 'Ada Lovelace',
  before: '{"name":"Ada Byron","role":"End User"}',
  after: '{"name":"Ada Lovelace","role":"Client Manager"}',
  clientIp: '203.0.113.7',
};

const disabled: AuditEntry = { ...edited, id: 'a-1', action: 'end-user.disabled', before: null, after: null };

const auditPage = (items: AuditEntry[], total = items.length) => ({ items, page: 1, pageSize: 50, total });

describe('Audit', () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
  });

  it('lists who changed what, with each change from before to after', async () => {
    mockApi({ ...adminBasics(), 'GET /api/admin/audit': () => json(auditPage([edited, disabled])) });

    await openAdmin(auditUrl, 'Audit');

    const log = await screen.findByRole('table', { name: 'Audit log' });
    const [, first, second] = within(log).getAllByRole('row');
    expect(first).toHaveTextContent('Pat Partner');
    expect(first).toHaveTextContent('End user edited');
    expect(first).toHaveTextContent('Ada Lovelace');
    expect(first).toHaveTextContent(/name: Ada Byron →\s*changed to Ada Lovelace/);
    expect(first).toHaveTextContent(/role: End User →\s*changed to Client Manager/);
    expect(first).toHaveTextContent('203.0.113.7');
    expect(second).toHaveTextContent('End user disabled');
    expect(screen.getByText('Page 1 of 1 · 2 events')).toBeVisible();
  });

  it("shows each time as the viewer's clock shows that instant", async () => {
    // Exactly as the Api writes an entry's time: UTC with its "Z", to the tick.
    const at = '2026-12-06T14:05:09.1234567Z';
    mockApi({ ...adminBasics(), 'GET /api/admin/audit': () => json(auditPage([{ ...edited, at }])) });

    await openAdmin(auditUrl, 'Audit');

    const log = await screen.findByRole('table', { name: 'Audit log' });
    const [time] = within(log).getAllByRole('cell');
    const newYork = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'America/New_York' });
    const spaced = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim();
    expect(spaced(time?.textContent)).toBe(spaced(newYork.format(Date.UTC(2026, 11, 6, 14, 5, 9))));
    expect(time).toHaveTextContent(/\b9:05\b/);
  });

  it('filters by action through the URL, back at page 1', async () => {
    const server = mockApi({ ...adminBasics(), 'GET /api/admin/audit': () => json(auditPage([edited], 75)) });
    const { user } = await openAdmin(`${auditUrl}?targetId=u-ada&page=2`, 'Audit');
    await screen.findByRole('table', { name: 'Audit log' });
    expect(queryOf(server.requests('GET /api/admin/audit')[0])).toEqual({ targetId: 'u-ada', page: '2', pageSize: '50' });

    await user.selectOptions(screen.getByLabelText('Action'), 'MFA reset');

    await waitFor(() =>
      expect(queryOf(server.requests('GET /api/admin/audit').at(-1))).toEqual({
        action: 'end-user.mfa-reset',
        targetId: 'u-ada',
        page: '1',
        pageSize: '50',
      }),
    );
    expect(screen.getByLabelText('Action')).toHaveValue('end-user.mfa-reset');
  });

  it('exports what the filters show', async () => {
    const download = vi.spyOn(browser, 'download').mockImplementation(() => undefined);
    const server = mockApi({
      ...adminBasics(),
      'GET /api/admin/audit': () => json(auditPage([disabled])),
      'GET /api/admin/audit/export.csv': () => new Response('Time\n', { headers: { 'Content-Type': 'text/csv' } }),
    });
    const { user } = await openAdmin(`${auditUrl}?action=end-user.disabled&page=3`, 'Audit');
    await screen.findByRole('table', { name: 'Audit log' });

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));

    await waitFor(() => expect(download).toHaveBeenCalledWith(expect.anything(), 'audit.csv'));
    expect(queryOf(server.requests('GET /api/admin/audit/export.csv')[0])).toEqual({ action: 'end-user.disabled' });
  });

  it("says so when nothing matches, and shows the Api's sentence on failure", async () => {
    let fail = false;
    mockApi({
      ...adminBasics(),
      'GET /api/admin/audit': () => (fail ? problem(503, { detail: 'The database is not answering.' }) : json(auditPage([]))),
    });
    const { user } = await openAdmin(`${auditUrl}?action=end-user.unlocked`, 'Audit');
    expect(await screen.findByText('No events match these filters.')).toBeVisible();

    fail = true;
    await user.selectOptions(screen.getByLabelText('Action'), 'All actions');

    expect(await screen.findByRole('alert')).toHaveTextContent('The database is not answering.');
  });
});
