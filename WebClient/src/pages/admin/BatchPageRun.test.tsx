import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { empty } from '../../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';
import { batchKey, completed, openBatch, running, scheduled } from './BatchPage.testSupport';

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
});

describe('running a scheduled batch', () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
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
    // Partners were sent the upcoming notice: running now is confirmed as breaking it.
    await user.click(within(dialog).getByRole('button', { name: 'Run now and e-mail the partners' }));

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
    expect(await server.lastBody('POST /api/admin/migration/batches/b-march/run')).toEqual({ confirmShortNotice: true });
    const asked = server.requests(batchKey).length;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(server.requests(batchKey)).toHaveLength(asked);
    // Three real seconds of polling and the second and a half of quiet after: more than the default five on a busy machine.
  }, 10_000);
});
