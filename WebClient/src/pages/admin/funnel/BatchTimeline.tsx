import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { DataList } from '../../../components/DataList';
import { batchUrl } from '../adminRoutes';
import { formatInZone } from '../migration/zonedTime';
import { timelineQuery } from './funnelApi';
import { phaseLabel } from './funnelFormat';

/**
 * Operators: every batch on one timeline, the latest date first — its phase (scheduled, running,
 * paused, completed, with failed users…), how complete the run is and how many moved users activated.
 */
export function BatchTimeline() {
  const [page, setPage] = useState(1);
  const timeline = useQuery(timelineQuery(page));
  return (
    <section className="panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      <DataList
        query={timeline}
        loading="Loading the timeline…"
        empty="No batch has been planned yet."
        rows={(data) => data.items}
        pager={(data) => ({ page, pageSize: data.pageSize, total: data.total, noun: ['batch', 'batches'], onPage: setPage })}
      >
        {(batches) => (
          <ol className="timeline" aria-labelledby="timeline-title">
            {batches.map((batch) => (
              <li key={batch.id} className={`phase-${batch.phase}`}>
                <time dateTime={batch.scheduledAt}>{formatInZone(batch.scheduledAt, batch.timeZone)}</time>
                <div>
                  <Link to={batchUrl(batch.id)}>{batch.name}</Link> · <span className="phase">{phaseLabel(batch.phase)}</span>
                  <div className="progress-cell">
                    <progress value={batch.done} max={Math.max(batch.total, 1)} aria-label={`${batch.name}: ${batch.percent}% complete`} />
                    <span>
                      {batch.percent}% complete · {batch.moved.toLocaleString()} moved · {batch.activated.toLocaleString()} activated
                      {batch.failed > 0 && ` · ${batch.failed.toLocaleString()} failed`}
                    </span>
                  </div>
                </div>
              </li>
            ))}
          </ol>
        )}
      </DataList>
    </section>
  );
}
