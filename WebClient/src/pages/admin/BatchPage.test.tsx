import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openAdmin, queryOf } from '../../test/admin';
import { empty, json, mockApi, problem } from '../../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';
import { batchPageUrl, detail, marchWave, operatorBasics, readiness, resultPage, resultRow } from '../../test/migration';
import type { BatchDetail, ReadinessReport } from './migration/migrationTypes';
import { formatInZone } from './migration/zonedTime';

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
});

const batchKey = 'GET /api/admin/migration/batches/b-march';
const resultsKey = 'GET /api/admin/migration/batches/b-march/results';

const scheduled = detail(marchWave, {
  notices: [{ partnerName: 'Northwind MSP', kind: 'upcoming', scheduledFor: marchWave.scheduledAt, sentAt: '2099-02-28T08:00:00Z' }],
});

const running = (done: number): BatchDetail =>
  detail(
    { ...marchWave, status: 'running', counts: { ...marchWave.counts, total: 200, pending: 200 - done, migrated: done - 2, failed: 2 } },
    {
      startedAt: '2099-03-14T08:00:00Z',
      progress: { done, total: 200, percent: (done / 200) * 100, perSecond: 12.5, secondsLeft: (200 - done) / 12.5 },
    },
  );

const completed = detail(
  { ...marchWave, status: 'completed', counts: { ...marchWave.counts, total: 200, migrated: 198, failed: 2 } },
  { progress: { done: 200, total: 200, percent: 100, perSecond: 0, secondsLeft: 0 }, completedAt: '2099-03-14T08:05:00Z' },
);

/** Opens the page of a batch the Api describes with `batch` (a value, or a function asked at each call). */
function openBatch(batch: BatchDetail | (() => BatchDetail), routes: Parameters<typeof mockApi>[0] = {}, url = batchPageUrl()) {
  const server = mockApi({
    ...operatorBasics(),
    [batchKey]: () => json(typeof batch === 'function' ? batch() : batch),
    [resultsKey]: () => json(resultPage([])),
    ...routes,
  });
  return { server, view: openAdmin(url, typeof batch === 'function' ? batch().name : batch.name) };
}

describe('a scheduled batch', () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
  });

  it('shows its facts with the time zone, its notices, and the actions of a scheduled batch', async () => {
    const { view } = openBatch(scheduled);
    await view;

    const fact = (term: string) => screen.getByText(term, { selector: 'dt' }).nextElementSibling;
    expect(fact('Scheduled')).toHaveTextContent(formatInZone(marchWave.scheduledAt, 'Europe/Amsterdam'));
    expect(fact('Scheduled')).toHaveTextContent(/09:00 \(Europe\/Amsterdam\)$/);
    expect(fact('Status')).toHaveTextContent('Scheduled');
    expect(screen.getByText('Fabrikam (Northwind MSP)')).toBeVisible();
    expect(screen.getByText('Tailspin Toys (Adatum MSP)')).toBeVisible();
    const notices = screen.getByRole('table', { name: 'Notices sent' });
    expect(within(notices).getAllByRole('row')[1]).toHaveTextContent(/Northwind MSPUpcoming.*\(Europe\/Amsterdam\)/);
    const actions = screen.getByRole('group', { name: 'Batch actions' });
    expect(within(actions).getAllByRole('button').map((button) => button.textContent)).toEqual([
      'Run now',
      'Edit',
      'Reschedule',
      'Cancel batch',
    ]);
    expect(screen.queryByRole('heading', { name: 'Progress' })).not.toBeInTheDocument();
    expect(await screen.findByText('No results yet: the batch has not run.')).toBeVisible();
  });

  it('reschedules from the date and time of its own zone', async () => {
    const { server, view } = openBatch(scheduled, { 'POST /api/admin/migration/batches/b-march/reschedule': () => empty(204) });
    const { user } = await view;

    await user.click(screen.getByRole('button', { name: 'Reschedule' }));
    const dialog = screen.getByRole('dialog', { name: 'Reschedule March wave' });
    expect(within(dialog).getByLabelText('Date')).toHaveValue('2099-03-14');
    expect(within(dialog).getByLabelText('Time')).toHaveValue('09:00');
    expect(within(dialog).getByLabelText('Time zone')).toHaveValue('Europe/Amsterdam');

    await user.clear(within(dialog).getByLabelText('Time'));
    await user.type(within(dialog).getByLabelText('Time'), '10:30');
    await user.click(within(dialog).getByRole('button', { name: 'Reschedule' }));

    expect(await screen.findByText(/now runs on .*10:30 \(Europe\/Amsterdam\)\. Partner admins are told by e-mail\./)).toBeVisible();
    expect(await server.lastBody('POST /api/admin/migration/batches/b-march/reschedule')).toEqual({
      scheduledAt: '2099-03-14T09:30:00Z',
      timeZone: 'Europe/Amsterdam',
    });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('edits its name and clients', async () => {
    const { server, view } = openBatch(scheduled, { 'PUT /api/admin/migration/batches/b-march': () => empty(204) });
    const { user } = await view;

    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit March wave' });
    await user.click(await within(dialog).findByRole('checkbox', { name: /Tailspin Toys/ }));
    await user.clear(within(dialog).getByLabelText('Name'));
    await user.type(within(dialog).getByLabelText('Name'), 'March wave (Northwind)');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Changes to March wave (Northwind) were saved.')).toBeVisible();
    expect(await server.lastBody('PUT /api/admin/migration/batches/b-march')).toEqual({
      name: 'March wave (Northwind)',
      clientIds: ['c-fabrikam'],
    });
  });

  it('cancels only after a confirmation, which can be declined with the keyboard', async () => {
    const { server, view } = openBatch(scheduled, { 'POST /api/admin/migration/batches/b-march/cancel': () => empty(204) });
    const { user } = await view;

    await user.click(screen.getByRole('button', { name: 'Cancel batch' }));
    expect(screen.getByRole('dialog', { name: 'Cancel March wave?' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel batch' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Cancel batch' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel batch' }));

    expect(await screen.findByText('March wave was cancelled. Partner admins are told by e-mail.')).toBeVisible();
    expect(server.requests('POST /api/admin/migration/batches/b-march/cancel')).toHaveLength(1);
  });

  it('checks readiness on request: problems, links with kept roles, and Exclude / Include', async () => {
    let report: ReadinessReport = readiness;
    const { server, view } = openBatch(scheduled, {
      'GET /api/admin/migration/batches/b-march/readiness': () => json(report),
      'PUT /api/admin/migration/batches/b-march/exclusions/u-nomail': () => {
        report = {
          ...readiness,
          excluded: 1,
          users: readiness.users.map((user) => (user.endUserId === 'u-nomail' ? { ...user, excluded: true, outcome: 'excluded' } : user)),
        };
        return empty(204);
      },
    });
    const { user } = await view;
    expect(server.requests('GET /api/admin/migration/batches/b-march/readiness')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Check readiness' }));

    const table = await screen.findByRole('table', { name: 'Users to look at' });
    expect(screen.getByText(/Of 121 end users: 118 to migrate, 1 to link to an existing SSO account, 0 waiting for the owner to accept, 0 excluded, 2 problems\./)).toBeVisible();
    const lena = within(table).getByRole('row', { name: /Lena Linked/ });
    expect(lena).toHaveTextContent('Link to their SSO account');
    expect(lena).toHaveTextContent('rmm-technician');
    const nick = within(table).getByRole('row', { name: /Nick Nomail/ });
    expect(nick).toHaveTextContent('No usable e-mail, Locked');

    await user.click(within(nick).getByRole('button', { name: 'Exclude Nick Nomail' }));

    expect(await screen.findByRole('button', { name: 'Include Nick Nomail' })).toBeVisible();
    expect(await server.lastBody('PUT /api/admin/migration/batches/b-march/exclusions/u-nomail')).toEqual({ excluded: true });
    expect(within(screen.getByRole('row', { name: /Nick Nomail/ })).getByText('Excluded')).toBeVisible();
  });

  it('lists the addresses of other owners\' accounts as their own category, with why they wait', async () => {
    const withOwner: ReadinessReport = {
      ...readiness,
      toMigrate: 117,
      awaitingOwner: 1,
      users: [
        ...readiness.users,
        { ...readiness.users[0]!, endUserId: 'u-owner', name: 'Olivia Owned', email: 'olivia@tailspin.example', outcome: 'awaiting-owner', keptRoles: [] },
      ],
    };
    const { view } = openBatch(scheduled, { 'GET /api/admin/migration/batches/b-march/readiness': () => json(withOwner) });
    const { user } = await view;

    await user.click(screen.getByRole('button', { name: 'Check readiness' }));

    const table = await screen.findByRole('table', { name: 'Users to look at' });
    expect(screen.getByRole('status')).toHaveTextContent('1 to link to an existing SSO account, 1 waiting for the owner to accept,');
    expect(
      screen.getByText(
        'These addresses belong to existing single sign-on accounts of other organisations or products. The run asks each owner to accept; they get access when they do.',
      ),
    ).toHaveTextContent(/^Waiting for the owner to accept: These addresses/);
    const olivia = within(table).getByRole('row', { name: /Olivia Owned/ });
    expect(within(olivia).getByRole('cell', { name: 'Waiting for the owner to accept' })).toBeVisible();
    expect(within(table).getByRole('row', { name: /Lena Linked/ })).toHaveTextContent('Link to their SSO account');
  });

  it('says nothing about owners when no address waits for one', async () => {
    const { view } = openBatch(scheduled, { 'GET /api/admin/migration/batches/b-march/readiness': () => json(readiness) });
    const { user } = await view;

    await user.click(screen.getByRole('button', { name: 'Check readiness' }));

    await screen.findByRole('table', { name: 'Users to look at' });
    expect(screen.queryByText(/The run asks each owner to accept/)).not.toBeInTheDocument();
  });

  it('runs now after a confirmation and follows the progress every second until the end', async () => {
    let calls = 0;
    let started = false;
    const { server, view } = openBatch(
      () => {
        if (!started) return scheduled;
        calls += 1;
        return calls === 1 ? running(40) : calls === 2 ? running(120) : completed;
      },
      {
        'POST /api/admin/migration/batches/b-march/run': () => {
          started = true;
          return empty(202);
        },
      },
    );
    const { user } = await view;

    await user.click(screen.getByRole('button', { name: 'Run now' }));
    const dialog = screen.getByRole('dialog', { name: 'Run March wave now?' });
    expect(dialog).toHaveTextContent(/121 end users of Fabrikam, Tailspin Toys move to Single Sign-On now/);
    await user.click(within(dialog).getByRole('button', { name: 'Run now' }));

    const bar = await screen.findByRole('progressbar', { name: 'Progress' });
    expect(bar).toHaveAttribute('value', '40');
    expect(bar).toHaveAttribute('max', '200');
    expect(screen.getByText('20%')).toBeVisible();
    expect(screen.getByText(/40 of 200 end users done · 12\.5 users\/s · about 13 s left/)).toBeVisible();
    expect(screen.getByText('The migration is running: 20% done.')).toHaveAttribute('role', 'status');

    await waitFor(() => expect(bar).toHaveAttribute('value', '120'), { timeout: 3000 });
    expect(screen.getByText('60%')).toBeVisible();
    expect(screen.getByText('The migration is running: 60% done.')).toBeVisible();

    expect(await screen.findByText('The migration is complete.', {}, { timeout: 3000 })).toHaveAttribute('role', 'status');
    expect(screen.getByText('100%')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Roll back batch' })).toBeVisible();
    const asked = server.requests(batchKey).length;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(server.requests(batchKey)).toHaveLength(asked);
  });
});

describe('the results of a batch', () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
  });

  const failedRow = resultRow({ endUserId: 'u-fail', name: 'Fay Failed', status: 'failed', reason: 'The SSO provider did not answer.', attempts: 2 });
  const migratedRow = resultRow({ endUserId: 'u-ok', name: 'Otto Migrated', status: 'migrated' });

  it('filters by status through the URL, back at page 1', async () => {
    const { server, view } = openBatch(
      completed,
      { [resultsKey]: () => json(resultPage([failedRow, migratedRow], { page: 2, total: 60 })) },
      `${batchPageUrl()}?page=2`,
    );
    const { user } = await view;
    await screen.findByRole('table', { name: 'Results' });
    expect(queryOf(server.requests(resultsKey)[0])).toEqual({ page: '2', pageSize: '50' });

    await user.selectOptions(screen.getByLabelText('Status'), 'Failed');

    await waitFor(() => expect(queryOf(server.requests(resultsKey).at(-1))).toEqual({ status: 'failed', page: '1', pageSize: '50' }));
  });

  it('retries a failed user and rolls back a migrated one after a confirmation', async () => {
    const { server, view } = openBatch(completed, {
      [resultsKey]: () => json(resultPage([failedRow, migratedRow])),
      'POST /api/admin/migration/batches/b-march/results/u-fail/retry': () => empty(202),
      'POST /api/admin/migration/batches/b-march/results/u-ok/rollback': () => empty(204),
    });
    const { user } = await view;
    const table = await screen.findByRole('table', { name: 'Results' });
    const fay = within(table).getByRole('row', { name: /Fay Failed/ });
    expect(fay).toHaveTextContent('The SSO provider did not answer.');
    expect(within(fay).queryByRole('button', { name: /Roll back/ })).toBeNull();

    await user.click(within(fay).getByRole('button', { name: 'Retry Fay Failed' }));
    expect(await screen.findByText('Fay Failed will be migrated again.')).toBeVisible();
    expect(server.requests('POST /api/admin/migration/batches/b-march/results/u-fail/retry')).toHaveLength(1);

    const otto = within(screen.getByRole('table', { name: 'Results' })).getByRole('row', { name: /Otto Migrated/ });
    expect(within(otto).queryByRole('button', { name: /Retry/ })).toBeNull();
    await user.click(within(otto).getByRole('button', { name: 'Roll back Otto Migrated' }));
    const dialog = screen.getByRole('dialog', { name: 'Roll back Otto Migrated?' });
    await user.click(within(dialog).getByRole('button', { name: 'Roll back' }));

    expect(await screen.findByText(/Otto Migrated was rolled back and signs in with the portal's form again/)).toBeVisible();
    expect(server.requests('POST /api/admin/migration/batches/b-march/results/u-ok/rollback')).toHaveLength(1);
  });

  it("shows the Api's sentence when the whole batch can no longer be rolled back", async () => {
    const refusal = '3 users of this batch have already signed in with Single Sign-On; roll them back one by one.';
    const { view } = openBatch(completed, {
      'POST /api/admin/migration/batches/b-march/rollback': () => problem(409, { title: 'Conflict', detail: refusal }),
    });
    const { user } = await view;

    await user.click(screen.getByRole('button', { name: 'Roll back batch' }));
    const dialog = screen.getByRole('dialog', { name: 'Roll back March wave?' });
    await user.click(within(dialog).getByRole('button', { name: 'Roll back batch' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(refusal);
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeEnabled();
  });
});
