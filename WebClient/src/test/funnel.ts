import type { BatchFunnel, FunnelPerson, FunnelReport, TimelineBatch } from '../pages/admin/funnel/funnelTypes';

const stepNames = ['moved', 'activated', 'enrolled', 'signed-in', 'returned'] as const;

/** A funnel from how many users stopped at each step (moved, activated, enrolled, signed in, returned). */
export function funnelOf(stopped: [number, number, number, number, number], extra: Partial<FunnelReport> = {}): FunnelReport {
  const moved = stopped.reduce((sum, n) => sum + n, 0);
  return {
    moved,
    running: false,
    lastMovedAt: null,
    steps: stepNames.map((step, index) => {
      const reached = stopped.slice(index).reduce((sum, n) => sum + n, 0);
      return { step, reached, percent: moved === 0 ? 0 : Math.floor((reached * 100) / moved), stoppedHere: stopped[index] ?? 0 };
    }),
    ...extra,
  };
}

export const marchFunnel = (funnel: FunnelReport, extra: Partial<BatchFunnel> = {}): BatchFunnel => ({
  batchId: 'b-march',
  name: 'March wave',
  status: 'completed',
  scheduledAt: '2025-03-14T08:00:00Z',
  timeZone: 'Europe/Amsterdam',
  startedAt: '2025-03-14T08:00:00Z',
  completedAt: '2025-03-14T08:05:00Z',
  clients: ['Contoso', 'Fabrikam'],
  funnel,
  ...extra,
});

export const funnelPage = (items: BatchFunnel[]) => ({ items, page: 1, pageSize: 5, total: items.length });

export const person = (extra: Partial<FunnelPerson>): FunnelPerson => ({
  endUserId: 'u-x',
  name: 'Xavier',
  email: 'xavier@contoso.example',
  clientName: 'Contoso',
  batchId: 'b-march',
  batchName: 'March wave',
  step: 'moved',
  movedAt: '2025-03-14T08:01:00Z',
  activatedAt: null,
  enrolledAt: null,
  firstSignInAt: null,
  returnedAt: null,
  ...extra,
});

export const timelineBatch = (extra: Partial<TimelineBatch>): TimelineBatch => ({
  id: 'b-march',
  name: 'March wave',
  phase: 'completed',
  scheduledAt: '2025-03-14T08:00:00Z',
  timeZone: 'Europe/Amsterdam',
  startedAt: '2025-03-14T08:00:00Z',
  completedAt: '2025-03-14T08:05:00Z',
  total: 120,
  done: 120,
  percent: 100,
  moved: 118,
  failed: 0,
  activated: 40,
  ...extra,
});
