import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from '../../browser';
import { adminBasics, manageUsersUrl, openAdmin, queryOf } from '../../test/admin';
import { json, mockApi } from '../../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';
import { funnelOf, funnelPage, marchFunnel, person } from '../../test/funnel';

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
});

// The canvas chart (uPlot) has no canvas to draw on in jsdom: a stand-in says what it was given.
vi.mock('./funnel/ActivationChart', () => ({
  default: ({ days }: { days: unknown[] }) => <div role="img" aria-label={`chart of ${days.length} days`} />,
}));

/** The funnel table's row of one step: its cells' text. */
function stepRow(table: HTMLElement, label: string) {
  return within(table).getByRole('row', { name: new RegExp(`^${label}`) });
}

describe('the migration funnel', () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
  });

  it('shows a partner each batch of their clients on the admin home, as numbers and percentages, with the chart', async () => {
    mockApi({
      ...adminBasics(),
      'GET /api/admin/migration/funnels': () => json(funnelPage([marchFunnel(funnelOf([2, 0, 0, 1, 0]))])),
      'GET /api/admin/migration/funnel/days': () =>
        json({ timeZone: 'Europe/Amsterdam', days: [{ day: '2025-03-14', moved: 3, activated: 1, enrolled: 1, signedIn: 1 }] }),
    });

    await openAdmin('/admin', 'Admin area');

    const panel = await screen.findByRole('region', { name: 'March wave' });
    expect(within(panel).getByText(/Contoso, Fabrikam/)).toBeVisible();
    const table = within(panel).getByRole('table', { name: 'Funnel of March wave' });
    expect(stepRow(table, 'Moved to Single Sign-On')).toHaveTextContent(/3\s*100%\s*2 people/);
    expect(stepRow(table, 'Activated their e-mail')).toHaveTextContent(/1\s*33%\s*None/);
    expect(stepRow(table, 'Signed in to the portal')).toHaveTextContent(/1\s*33%\s*1 person/);
    expect(stepRow(table, 'Signed in again within 30 days')).toHaveTextContent(/0\s*0%\s*None/);
    expect(await within(panel).findByRole('img', { name: 'chart of 1 days' })).toBeInTheDocument();
    expect(within(panel).getByRole('rowheader', { name: '2025-03-14' })).toBeInTheDocument();
  });

  it('lists the people stuck at a step and exports them as CSV', async () => {
    const download = vi.spyOn(browser, 'download').mockImplementation(() => undefined);
    const server = mockApi({
      ...adminBasics(),
      'GET /api/admin/migration/funnels': () => json(funnelPage([marchFunnel(funnelOf([2, 0, 0, 1, 0]))])),
      'GET /api/admin/migration/funnel/people': () =>
        json({ items: [person({ name: 'Nora First' }), person({ endUserId: 'u-o', name: 'Owen Legacy', email: 'owen@contoso.example' })], page: 1, pageSize: 50, total: 2 }),
      'GET /api/admin/migration/funnel/people/export.csv': () =>
        new Response('Name\n', { headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="migration-funnel-moved-2025-03-20.csv"' } }),
    });
    const { user } = await openAdmin('/admin', 'Admin area');

    await user.click(await screen.findByRole('button', { name: '2 people: Moved, not activated yet' }));

    const dialog = await screen.findByRole('dialog', { name: 'Moved, not activated yet · March wave' });
    expect(await within(dialog).findByRole('row', { name: /Nora First/ })).toHaveTextContent('xavier@contoso.example');
    expect(within(dialog).getByRole('row', { name: /Owen Legacy/ })).toBeVisible();
    expect(queryOf(server.requests('GET /api/admin/migration/funnel/people')[0])).toMatchObject({ batchId: 'b-march', step: 'moved', page: '1' });

    await user.click(within(dialog).getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(download).toHaveBeenCalledWith(expect.objectContaining({ size: 5 }), 'migration-funnel-moved-2025-03-20.csv'));
    expect(queryOf(server.requests('GET /api/admin/migration/funnel/people/export.csv')[0])).toEqual({ batchId: 'b-march', step: 'moved' });

    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('follows a running batch without a reload', async () => {
    let calls = 0;
    mockApi({
      ...adminBasics(),
      'GET /api/admin/migration/funnels': () => {
        calls += 1;
        const funnel = calls === 1 ? funnelOf([1, 0, 0, 0, 0], { running: true }) : funnelOf([1, 0, 1, 0, 0], { lastMovedAt: new Date().toISOString() });
        return json(funnelPage([marchFunnel(funnel, { status: calls === 1 ? 'running' : 'completed' })]));
      },
    });

    await openAdmin('/admin', 'Admin area');

    const table = await screen.findByRole('table', { name: 'Funnel of March wave' });
    expect(stepRow(table, 'Activated their e-mail')).toHaveTextContent(/^Activated their e-mail0/);
    await waitFor(() => expect(stepRow(table, 'Set up an authenticator')).toHaveTextContent(/1\s*50%/), { timeout: 4000 });
  });

  it('says so when nothing has moved, and shows a client funnel on Manage Users only once users moved', async () => {
    const server = mockApi({
      ...adminBasics(),
      'GET /api/admin/end-users': () => json({ items: [], page: 1, pageSize: 50, total: 0, totalIsCapped: false }),
      'GET /api/admin/migration/funnel': (request) =>
        json(new URL(request.url).searchParams.get('clientId') === 'c-contoso' ? funnelOf([0, 0, 1, 1, 0]) : funnelOf([0, 0, 0, 0, 0])),
    });

    await openAdmin('/admin', 'Admin area');
    expect(await screen.findByText("No batch has moved your clients' end users yet.")).toBeVisible();

    await openAdmin(`${manageUsersUrl}?clientId=c-contoso`, 'Manage Users');
    const panel = await screen.findByRole('region', { name: 'Contoso: move to Single Sign-On' });
    expect(stepRow(within(panel).getByRole('table'), 'Set up an authenticator')).toHaveTextContent(/2\s*100%/);
    expect(queryOf(server.requests('GET /api/admin/migration/funnel').at(-1))).toEqual({ clientId: 'c-contoso' });
  });
});
