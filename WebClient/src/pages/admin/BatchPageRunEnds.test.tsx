import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { json } from '../../test/api';
import { fakeManager, fakeUser, resetFakeManager } from '../../test/auth';
import { resultPage, resultRow } from '../../test/migration';
import { completed, openBatch, resultsKey, running } from './BatchPage.testSupport';

vi.mock('../../auth/userManager', async () => {
  const { fakeManager } = await import('../../test/auth');
  return { getUserManager: () => fakeManager };
});

const vera = resultRow({
  endUserId: 'u-vera',
  name: 'Vera Early',
  email: 'vera@fabrikam.example',
  reason: "Moved to Single Sign-On when they logged in on the portal's form, before the batch ran.",
});
const walt = resultRow({ endUserId: 'u-walt', name: 'Walt Onthedate', email: 'walt@fabrikam.example' });

describe('the results of a batch whose run ends between two looks', () => {
  beforeEach(() => {
    resetFakeManager();
    fakeManager.getUser.mockResolvedValue(fakeUser());
  });

  it('are read again when the batch completes, so every user moved by the run is listed', async () => {
    let resultLooks = 0;
    const { view } = openBatch(
      // The run moves Walt, and completes, right after the page's first look at the results.
      () => (resultLooks > 0 ? completed : running(1)),
      {
        [resultsKey]: () => {
          resultLooks += 1;
          return json(resultPage(resultLooks > 1 ? [vera, walt] : [vera]));
        },
      },
    );
    await view;

    const table = await screen.findByRole('table', { name: 'Results' });
    expect(within(table).getByText(vera.reason!)).toBeVisible();
    expect(await screen.findByText('The migration is complete.', {}, { timeout: 3000 })).toBeVisible();
    expect(await within(table).findByText('walt@fabrikam.example')).toBeVisible();
  });
});
