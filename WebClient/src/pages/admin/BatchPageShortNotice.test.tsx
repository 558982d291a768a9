import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { empty, problem } from '../../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';
import { detail, marchWave } from '../../test/migration';
import { completed, openBatch, running, scheduled } from './BatchPage.testSupport';
import { formatInZone } from './migration/zonedTime';

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
});

const runKey = 'POST /api/admin/migration/batches/b-march/run';
const when = formatInZone(marchWave.scheduledAt, 'Europe/Amsterdam');
const toldSentence = `Partners were told this batch runs on ${when}. Running it now breaks the two weeks' notice they were promised: confirm that you want to do it, and they are e-mailed at once.`;
const shortNotice = (detail: string) =>
  problem(409, { type: 'https://portal.example/problems/short-notice', title: 'Partners were told a later date', detail });
const unannounced = detail(marchWave, { notices: [] });

describe('the two weeks partners were promised', () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
  });

  it('Run now on an announced batch says the notice is broken, and asks nothing of the Api until confirmed', async () => {
    const { server, view } = openBatch(scheduled, { [runKey]: () => empty(202) });
    const { user } = await view;

    await user.click(screen.getByRole('button', { name: 'Run now' }));
    const dialog = screen.getByRole('dialog', { name: 'Run March wave now?' });
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      `Partner admins were told this batch runs on ${when}. Running it now breaks the two weeks' notice they were promised; they are e-mailed at once.`,
    );
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(server.requests(runKey)).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Run now' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Run now and e-mail the partners' }));

    expect(await screen.findByText('March wave has started. Partner admins are e-mailed the new date now.')).toBeVisible();
    expect(await server.lastBody(runKey)).toEqual({ confirmShortNotice: true });
  });

  it('turns Run now into the confirmation when the Api finds partners were told meanwhile', async () => {
    let answers = 0;
    const { server, view } = openBatch(unannounced, {
      [runKey]: () => (++answers === 1 ? shortNotice(toldSentence) : empty(202)),
    });
    const { user } = await view;

    await user.click(screen.getByRole('button', { name: 'Run now' }));
    const dialog = screen.getByRole('dialog', { name: 'Run March wave now?' });
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Run now' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(toldSentence);
    expect(await server.lastBody(runKey)).toEqual({ confirmShortNotice: false });
    await user.click(within(dialog).getByRole('button', { name: 'Run now and e-mail the partners' }));

    expect(await screen.findByText('March wave has started. Partner admins are e-mailed the new date now.')).toBeVisible();
    expect(await server.lastBody(runKey)).toEqual({ confirmShortNotice: true });
    expect(server.requests(runKey)).toHaveLength(2);
  });

  it('asks to confirm an earlier date the same way, with the Api’s sentence', async () => {
    const sentence = `Partners were told this batch runs on ${when}. Moving it to an earlier date breaks the two weeks' notice they were promised.`;
    let answers = 0;
    const key = 'POST /api/admin/migration/batches/b-march/reschedule';
    const { server, view } = openBatch(scheduled, { [key]: () => (++answers === 1 ? shortNotice(sentence) : empty(204)) });
    const { user } = await view;

    await user.click(screen.getByRole('button', { name: 'Reschedule' }));
    const dialog = screen.getByRole('dialog', { name: 'Reschedule March wave' });
    await user.clear(within(dialog).getByLabelText('Date'));
    await user.type(within(dialog).getByLabelText('Date'), '2099-03-01');
    await user.click(within(dialog).getByRole('button', { name: 'Reschedule' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(sentence);
    await user.click(within(dialog).getByRole('button', { name: 'Move it earlier and e-mail the partners' }));

    expect(await screen.findByText(/now runs on .*1 March 2099|now runs on .*March 1, 2099|now runs on/)).toBeVisible();
    expect(await server.lastBody(key)).toEqual({ scheduledAt: '2099-03-01T08:00:00Z', timeZone: 'Europe/Amsterdam', confirmShortNotice: true });
  });

  it('pauses a running batch after a confirmation, and offers Resume now and Reschedule once paused', async () => {
    let paused = false;
    const { server, view } = openBatch(() => (paused ? detail({ ...marchWave, status: 'paused' }) : running(40)), {
      'POST /api/admin/migration/batches/b-march/pause': () => {
        paused = true;
        return empty(204);
      },
    });
    const { user } = await view;

    await user.click(screen.getByRole('button', { name: 'Pause' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Pause March wave?' })).getByRole('button', { name: 'Pause' }));

    expect(await screen.findByText(/March wave was paused\. Partner admins are told by e-mail/)).toBeVisible();
    expect(server.requests('POST /api/admin/migration/batches/b-march/pause')).toHaveLength(1);
    const actions = await screen.findByRole('group', { name: 'Batch actions' });
    await vi.waitFor(() =>
      expect(within(actions).getAllByRole('button').map((button) => button.textContent)).toEqual(['Resume now', 'Reschedule']),
    );
  });

  it('offers Reschedule for a completed batch only while it left users behind', async () => {
    const { view } = openBatch(completed);
    await view;
    const actions = screen.getByRole('group', { name: 'Batch actions' });
    expect(within(actions).getAllByRole('button').map((button) => button.textContent)).toEqual(['Reschedule', 'Roll back batch']);
  });
});
