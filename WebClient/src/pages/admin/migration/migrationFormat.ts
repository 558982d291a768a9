import type { BatchCounts, BatchStatus, ReadinessOutcome, ReadinessProblem, ResultStatus } from './migrationTypes';

export const batchStatusLabels: Record<BatchStatus, string> = {
  scheduled: 'Scheduled',
  running: 'Running',
  paused: 'Paused',
  completed: 'Completed',
  cancelled: 'Cancelled',
  'rolled-back': 'Rolled back',
};

export const batchStatusLabel = (status: string) => batchStatusLabels[status as BatchStatus] ?? status;

export const resultStatusLabels: Record<ResultStatus, string> = {
  pending: 'Pending',
  excluded: 'Excluded',
  migrated: 'Migrated',
  linked: 'Linked',
  skipped: 'Skipped',
  failed: 'Failed',
  'rolled-back': 'Rolled back',
};

export const resultStatusLabel = (status: string) => resultStatusLabels[status as ResultStatus] ?? status;

/** BatchCounts' field for each result status, in the order the page lists them. */
export const countFields: readonly (readonly [ResultStatus, keyof BatchCounts])[] = [
  ['pending', 'pending'],
  ['migrated', 'migrated'],
  ['linked', 'linked'],
  ['skipped', 'skipped'],
  ['failed', 'failed'],
  ['excluded', 'excluded'],
  ['rolled-back', 'rolledBack'],
];

export const outcomeLabels: Record<ReadinessOutcome, string> = {
  migrate: 'Migrate',
  link: 'Link to their SSO account',
  'awaiting-owner': 'Waiting for the owner to accept',
  skip: 'Skip',
  excluded: 'Excluded',
};

export const outcomeLabel = (outcome: string) => outcomeLabels[outcome as ReadinessOutcome] ?? outcome;

export const problemLabels: Record<ReadinessProblem, string> = {
  'no-usable-email': 'No usable e-mail',
  'duplicate-email': 'E-mail used twice',
  disabled: 'Disabled',
  deleted: 'Deleted',
  locked: 'Locked',
  'already-migrated': 'Already migrated',
};

export const problemLabel = (problem: string) => problemLabels[problem as ReadinessProblem] ?? problem;

const noticeKinds: Record<string, string> = {
  upcoming: 'Upcoming',
  rescheduled: 'Rescheduled',
  cancelled: 'Cancelled',
  failed: 'Failed users',
  'low-activation': 'Low activation digest',
  'brought-forward': 'Brought forward',
  paused: 'Paused',
};

export const noticeKindLabel = (kind: string) => noticeKinds[kind.toLowerCase()] ?? kind;

/** The notices that told partners a date: after one of them, moving the date earlier needs the operator's confirmation. */
export const announcingNotices = ['upcoming', 'rescheduled', 'brought-forward'];

/** "about 40 s", "about 3 min", "about 2 h 5 min". */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  if (total < 60) return `about ${total} s`;
  const minutes = Math.round(total / 60);
  if (minutes < 60) return `about ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `about ${hours} h` : `about ${hours} h ${rest} min`;
}

/** "12.5 users/s" with one decimal at most. */
export const formatRate = (perSecond: number) =>
  `${perSecond.toLocaleString(undefined, { maximumFractionDigits: 1 })} ${perSecond === 1 ? 'user' : 'users'}/s`;

/**
 * A batch whose numbers are moving or about to: running, or scheduled for a time already past
 * (Run now, or its hour came) and waiting for a replica's runner to claim it. Screens refresh
 * such a batch until it settles.
 */
export const isInMotion = (batch: { status: string; scheduledAt: string }, now = Date.now()) =>
  batch.status === 'running' || (batch.status === 'scheduled' && Date.parse(batch.scheduledAt) <= now);
