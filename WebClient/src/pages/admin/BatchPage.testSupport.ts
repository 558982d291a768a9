// What the batch page tests (BatchPage*.test.tsx) share: the batch in its states, as the Api
// describes it, and a way to open its page.
import { openAdmin } from '../../test/admin';
import { json, mockApi } from '../../test/api';
import { batchPageUrl, detail, marchWave, operatorBasics, resultPage } from '../../test/migration';
import type { BatchDetail } from './migration/migrationTypes';

export const batchKey = 'GET /api/admin/migration/batches/b-march';
export const resultsKey = 'GET /api/admin/migration/batches/b-march/results';

export const scheduled = detail(marchWave, {
  notices: [{ partnerName: 'Northwind MSP', kind: 'upcoming', scheduledFor: marchWave.scheduledAt, sentAt: '2099-02-28T08:00:00Z' }],
});

export const running = (done: number): BatchDetail =>
  detail(
    { ...marchWave, status: 'running', counts: { ...marchWave.counts, total: 200, pending: 200 - done, migrated: done - 2, failed: 2 } },
    {
      startedAt: '2099-03-14T08:00:00Z',
      progress: { done, total: 200, percent: (done / 200) * 100, perSecond: 12.5, secondsLeft: (200 - done) / 12.5 },
    },
  );

export const completed = detail(
  { ...marchWave, status: 'completed', counts: { ...marchWave.counts, total: 200, migrated: 198, failed: 2 } },
  { progress: { done: 200, total: 200, percent: 100, perSecond: 0, secondsLeft: 0 }, completedAt: '2099-03-14T08:05:00Z' },
);

/** Opens the page of a batch the Api describes with `batch` (a value, or a function asked at each call). */
export function openBatch(batch: BatchDetail | (() => BatchDetail), routes: Parameters<typeof mockApi>[0] = {}, url = batchPageUrl()) {
  const server = mockApi({
    ...operatorBasics(),
    [batchKey]: () => json(typeof batch === 'function' ? batch() : batch),
    [resultsKey]: () => json(resultPage([])),
    ...routes,
  });
  return { server, view: openAdmin(url, typeof batch === 'function' ? batch().name : batch.name) };
}
