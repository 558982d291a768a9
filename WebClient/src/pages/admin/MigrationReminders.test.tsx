import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openAdmin } from '../../test/admin';
import { deferred, json, mockApi, problem } from '../../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';
import { migrationUrl, operatorBasics, reminderSettings } from '../../test/migration';

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
});

const inDevelopment = { ...reminderSettings, canRunNow: true };

describe('Migration for platform operators: reminders after a batch', () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
  });

  it('says when reminders and digests go, without a run button outside Development', async () => {
    mockApi({ ...operatorBasics(), 'GET /api/admin/migration/batches': () => json([]) });
    await openAdmin(migrationUrl, 'Migration');

    const section = await screen.findByRole('region', { name: 'Reminders' });
    expect(await within(section).findByText(/get a reminder 3 and 7 days after their batch completed/)).toBeVisible();
    expect(section).toHaveTextContent('activated below 50 % after 7 days get a digest');
    expect(within(section).queryByRole('button', { name: 'Run reminders now' })).not.toBeInTheDocument();
  });

  it('runs reminders now in Development and says how many were sent; a second run sends none', async () => {
    const answers = [{ reminders: 2, digests: 1, asIfDaysLater: 7 }, { reminders: 0, digests: 0, asIfDaysLater: 7 }];
    const gate = deferred<void>();
    const server = mockApi({
      ...operatorBasics(),
      'GET /api/admin/migration/reminders': () => json(inDevelopment),
      'GET /api/admin/migration/batches': () => json([]),
      'POST /api/admin/migration/reminders/run': async () => {
        await gate.promise;
        return json(answers.shift());
      },
    });
    const { user } = await openAdmin(migrationUrl, 'Migration');
    const section = await screen.findByRole('region', { name: 'Reminders' });

    await user.click(await within(section).findByRole('button', { name: 'Run reminders now' }));
    expect(within(section).getByRole('button', { name: 'Running reminders…' })).toBeDisabled();
    gate.resolve();
    expect(await within(section).findByText('Sent 2 reminders and 1 digest.')).toBeVisible();
    await user.click(within(section).getByRole('button', { name: 'Run reminders now' }));
    expect(await within(section).findByText('Sent 0 reminders and 0 digests.')).toBeVisible();
    expect(server.requests('POST /api/admin/migration/reminders/run')).toHaveLength(2);
  });

  it("shows the Api's sentence when the run is refused", async () => {
    const sentence = 'Run reminders now exists in Development only; elsewhere reminders and digests go out by themselves when their day comes.';
    mockApi({
      ...operatorBasics(),
      'GET /api/admin/migration/reminders': () => json(inDevelopment),
      'GET /api/admin/migration/batches': () => json([]),
      'POST /api/admin/migration/reminders/run': () => problem(404, { title: 'Not available', detail: sentence }),
    });
    const { user } = await openAdmin(migrationUrl, 'Migration');
    const section = await screen.findByRole('region', { name: 'Reminders' });

    await user.click(await within(section).findByRole('button', { name: 'Run reminders now' }));

    expect(await within(section).findByRole('alert')).toHaveTextContent(sentence);
  });
});
