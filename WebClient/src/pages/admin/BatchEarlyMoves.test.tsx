import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fabrikam, openAdmin } from '../../test/admin';
import { empty, json, mockApi, problem } from '../../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';
import { detail, marchWave, operatorBasics, resultPage } from '../../test/migration';
import { openBatch, scheduled } from './BatchPage.testSupport';
import { formatInZone } from './migration/zonedTime';

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
});

const newBatchUrl = '/admin/migration/new';
const editKey = 'PUT /api/admin/migration/batches/b-march';
/** Typing a whole batch form keystroke by keystroke takes seconds on a busy machine. */
const formTimeoutMs = 15_000;
/** 12 March 2099, 09:00 in Amsterdam: two days before the March wave. */
const opensAt = '2099-03-12T08:00:00Z';

/** Mixed mode on the operator's side: a batch that lets its users move early by logging in. */
describe('early moves of a batch', () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
  });

  it('are chosen when creating a batch, in its time zone, and sent in UTC', async () => {
    const server = mockApi({
      ...operatorBasics(),
      'POST /api/admin/migration/batches': () => json({ id: 'b-march' }, 201),
      'GET /api/admin/migration/batches/b-march': () => json(detail(marchWave)),
      'GET /api/admin/migration/batches/b-march/results': () => json(resultPage([])),
    });
    const user = await fillNewBatch();

    expect(screen.queryByLabelText('Early-move date')).not.toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Let users move early by logging in' }));
    expect(screen.getByRole('group', { name: 'Moving early' })).toHaveTextContent('in Europe/Amsterdam');
    await user.type(screen.getByLabelText('Early-move date'), '2099-03-12');
    await user.type(screen.getByLabelText('Early-move time'), '09:00');
    await user.click(screen.getByRole('button', { name: 'Create batch' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'March wave' })).toBeVisible();
    expect(await server.lastBody('POST /api/admin/migration/batches')).toEqual({
      name: 'March wave',
      clientIds: [fabrikam.id],
      scheduledAt: '2099-03-14T08:00:00Z',
      timeZone: 'Europe/Amsterdam',
      windowOpensAt: opensAt,
    });
  }, formTimeoutMs);

  it("are refused from the batch's date on, before asking the Api", async () => {
    const server = mockApi(operatorBasics());
    const user = await fillNewBatch();

    await user.click(screen.getByRole('checkbox', { name: 'Let users move early by logging in' }));
    await user.type(screen.getByLabelText('Early-move date'), '2099-03-14');
    await user.type(screen.getByLabelText('Early-move time'), '09:00');
    await user.click(screen.getByRole('button', { name: 'Create batch' }));

    expect(screen.getByRole('alert')).toHaveTextContent(
      "Users can start moving by logging in only before the batch's date: choose an earlier time.",
    );
    expect(server.requests('POST /api/admin/migration/batches')).toHaveLength(0);
  }, formTimeoutMs);

  it("are shown among the batch's facts and changed or removed with Edit", async () => {
    const { server, view } = openBatch({ ...scheduled, windowOpensAt: opensAt }, { [editKey]: () => empty(204) });
    const { user } = await view;

    const fact = screen.getByText('Early moves', { selector: 'dt' }).nextElementSibling;
    expect(fact).toHaveTextContent(`From ${formatInZone(opensAt, 'Europe/Amsterdam')}, users move as they log in`);

    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit March wave' });
    expect(await within(dialog).findByRole('checkbox', { name: 'Let users move early by logging in' })).toBeChecked();
    expect(within(dialog).getByLabelText('Early-move date')).toHaveValue('2099-03-12');
    expect(within(dialog).getByLabelText('Early-move time')).toHaveValue('09:00');
    await user.clear(within(dialog).getByLabelText('Early-move time'));
    await user.type(within(dialog).getByLabelText('Early-move time'), '18:30');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Changes to March wave were saved.')).toBeVisible();
    expect(await server.lastBody(editKey)).toEqual({
      name: 'March wave',
      clientIds: [fabrikam.id, 'c-tailspin'],
      windowOpensAt: '2099-03-12T17:30:00Z',
    });

    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const again = screen.getByRole('dialog', { name: 'Edit March wave' });
    await user.click(await within(again).findByRole('checkbox', { name: 'Let users move early by logging in' }));
    await user.click(within(again).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(server.requests(editKey)).toHaveLength(2));
    expect(await server.lastBody(editKey)).toEqual({ name: 'March wave', clientIds: [fabrikam.id, 'c-tailspin'] });
  });

  it("shows the Api's sentence where the operator edits", async () => {
    const refusal = "Users can start moving by logging in only before the batch's date: choose an earlier time, or leave it empty.";
    const { view } = openBatch(scheduled, {
      [editKey]: () => problem(400, { title: 'Invalid', detail: refusal, errors: { windowOpensAt: [refusal] } }),
    });
    const { user } = await view;

    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit March wave' });
    await user.click(await within(dialog).findByRole('checkbox', { name: 'Let users move early by logging in' }));
    await user.type(within(dialog).getByLabelText('Early-move date'), '2099-03-13');
    await user.type(within(dialog).getByLabelText('Early-move time'), '09:00');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(refusal);
  });
});

/** Create batch with a name, Fabrikam and 14 March 2099, 09:00 in Amsterdam. */
async function fillNewBatch() {
  const { user } = await openAdmin(newBatchUrl, 'Create batch');
  await screen.findByRole('group', { name: 'Northwind MSP' });
  await user.type(screen.getByLabelText(/^Name/), 'March wave');
  await user.click(screen.getByRole('checkbox', { name: /Fabrikam/ }));
  await user.type(screen.getByLabelText('Date'), '2099-03-14');
  await user.type(screen.getByLabelText('Time'), '09:00');
  await user.selectOptions(screen.getByLabelText('Time zone'), 'Europe/Amsterdam');
  return user;
}
