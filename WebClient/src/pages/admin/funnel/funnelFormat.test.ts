import { describe, expect, it } from 'vitest';
import { activationSeries, chartSummary } from './activationSeries';
import { funnelRefreshMs, runningRefreshMs, settlingRefreshMs } from './funnelFormat';

describe('how often a funnel looks again', () => {
  const now = Date.parse('2025-03-20T12:00:00Z');

  it('polls fast while a batch runs, slowly for a month after the last move, then stops', () => {
    expect(funnelRefreshMs({ running: true, lastMovedAt: null }, now)).toBe(runningRefreshMs);
    expect(funnelRefreshMs({ running: false, lastMovedAt: '2025-03-14T08:00:00Z' }, now)).toBe(settlingRefreshMs);
    expect(funnelRefreshMs({ running: false, lastMovedAt: '2025-01-14T08:00:00Z' }, now)).toBe(false);
    expect(funnelRefreshMs({ running: false, lastMovedAt: null }, now)).toBe(false);
    expect(funnelRefreshMs(undefined, now)).toBe(false);
  });
});

describe('the activation chart’s data', () => {
  const days = [
    { day: '2025-03-14', moved: 3, activated: 1, enrolled: 0, signedIn: 0 },
    { day: '2025-03-15', moved: 0, activated: 0, enrolled: 0, signedIn: 0 },
    { day: '2025-03-16', moved: 0, activated: 2, enrolled: 2, signedIn: 1 },
  ];

  it('climbs by each day’s steps, on UTC midnights', () => {
    expect(activationSeries(days)).toEqual({
      days: [1741910400, 1741996800, 1742083200],
      activated: [1, 1, 3],
      enrolled: [0, 0, 2],
      signedIn: [0, 0, 1],
    });
  });

  it('says its totals in one sentence', () => {
    expect(chartSummary(days)).toBe('Running totals from 2025-03-14 to 2025-03-16: 3 activated, 2 set up an authenticator, 1 signed in.');
    expect(chartSummary([])).toBe('No activity yet.');
  });
});
