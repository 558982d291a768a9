import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { empty } from '../../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';
import { marchWave } from '../../test/migration';
import { openBatch, scheduled } from './BatchPage.testSupport';
import { formatInZone } from './migration/zonedTime';

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
});

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

    expect(await screen.findByText('March wave was cancelled. Partner admins who were told its date are told by e-mail.')).toBeVisible();
    expect(server.requests('POST /api/admin/migration/batches/b-march/cancel')).toHaveLength(1);
  });
});
