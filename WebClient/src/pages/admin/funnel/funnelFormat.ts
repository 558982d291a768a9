import type { FunnelReport, FunnelStep } from './funnelTypes';

/** Each step as the funnel's table says it (who reached it). */
export const stepLabels: Record<FunnelStep, string> = {
  moved: 'Moved to Single Sign-On',
  activated: 'Activated their e-mail',
  enrolled: 'Set up an authenticator',
  'signed-in': 'Signed in to the portal',
  returned: 'Signed in again within 30 days',
};

/** The people whose furthest step it is, as the drill-down names them: where they are stuck. */
export const stoppedLabels: Record<FunnelStep, string> = {
  moved: 'Moved, not activated yet',
  activated: 'Activated, no authenticator yet',
  enrolled: 'Authenticator set up, not signed in yet',
  'signed-in': 'Signed in once, not again yet',
  returned: 'Signed in again within 30 days',
};

export const stepLabel = (step: string) => stepLabels[step as FunnelStep] ?? step;
export const stoppedLabel = (step: string) => stoppedLabels[step as FunnelStep] ?? step;

/** While a batch runs the numbers move by the second. */
export const runningRefreshMs = 2_000;
/** For a month after the last move people keep activating and signing in: the funnel looks again now and then. */
export const settlingRefreshMs = 10_000;
const settlingDays = 31;

/**
 * How often a funnel is asked for again: every two seconds while a batch runs, every ten while its
 * users may still take steps (a month after the last move), else not at all.
 */
export function funnelRefreshMs(report: Pick<FunnelReport, 'running' | 'lastMovedAt'> | undefined, now = Date.now()): number | false {
  if (!report) return false;
  if (report.running) return runningRefreshMs;
  if (report.lastMovedAt && now - Date.parse(report.lastMovedAt) < settlingDays * 24 * 3600 * 1000) return settlingRefreshMs;
  return false;
}

/** "33%": the share of the moved users, as the Api rounds it (down). */
export const percentText = (percent: number) => `${percent}%`;

/** The timeline's phases (TimelineBatch.phase), said for people. */
export const phaseLabels: Record<string, string> = {
  scheduled: 'Scheduled',
  running: 'Running',
  paused: 'Paused: waiting for a runner',
  completed: 'Completed',
  failed: 'Completed with failed users',
  cancelled: 'Cancelled',
  'rolled-back': 'Rolled back',
};

export const phaseLabel = (phase: string) => phaseLabels[phase] ?? phase;
