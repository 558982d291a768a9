import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { queryOf } from '../../test/admin';
import { empty, json, problem } from '../../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';
import { batchPageUrl, resultPage, resultRow } from '../../test/migration';
import { completed, openBatch, resultsKey } from './BatchPage.testSupport';

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
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
