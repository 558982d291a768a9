import { countFields, formatDuration, formatRate, resultStatusLabel } from './migrationFormat';
import type { BatchDetail } from './migrationTypes';

/** What screen readers are told: every tenth of the way and the end, not every second's new numbers. */
export function progressAnnouncement(batch: Pick<BatchDetail, 'status' | 'progress'>): string {
  if (batch.status === 'completed') return 'The migration is complete.';
  if (batch.status !== 'running') return '';
  const tenth = Math.min(90, Math.floor(batch.progress.percent / 10) * 10);
  return `The migration is running: ${tenth}% done.`;
}

/** Live progress: a bar with its percent, the counts per status, the rate and the time left. */
export function ProgressSection({ batch }: { batch: BatchDetail }) {
  const { done, total, percent, perSecond, secondsLeft } = batch.progress;
  const running = batch.status === 'running';
  const shown = Math.round(percent);
  return (
    <section className="panel" aria-labelledby="progress-title">
      <h2 id="progress-title">Progress</h2>
      <p className="visually-hidden" role="status">
        {progressAnnouncement(batch)}
      </p>
      <div className="progress-line">
        <progress aria-labelledby="progress-title" value={done} max={Math.max(total, 1)} />
        <span className="percent">{shown}%</span>
      </div>
      <p>
        {done.toLocaleString()} of {total.toLocaleString()} end users done
        {running && (
          <>
            {' · '}
            {formatRate(perSecond)}
            {' · '}
            {secondsLeft === null ? 'time left not known yet' : `${formatDuration(secondsLeft)} left`}
          </>
        )}
      </p>
      <dl className="counts">
        {countFields.map(([status, field]) => (
          <div key={status}>
            <dt>{resultStatusLabel(status)}</dt>
            <dd>{batch.counts[field].toLocaleString()}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
