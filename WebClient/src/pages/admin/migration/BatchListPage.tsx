import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { DataList } from '../../../components/DataList';
import { adminRoutes, batchUrl } from '../adminRoutes';
import { BatchTimeline } from '../funnel/BatchTimeline';
import { count } from '../format';
import { batchStatusLabel } from './migrationFormat';
import { batchesQuery } from './migrationApi';
import type { BatchSummary } from './migrationTypes';
import { OperatorsOnly } from './OperatorsOnly';
import { RemindersSection } from './RemindersSection';
import { formatInZone } from './zonedTime';

/** How far a batch is: "120 of 240 done" with a bar once it has started, else how many it will move. */
function BatchProgressCell({ batch }: { batch: BatchSummary }) {
  const { total, pending } = batch.counts;
  if (batch.status === 'scheduled' || batch.status === 'cancelled' || total === 0) {
    return <>{count(total, 'end user', 'end users')}</>;
  }
  const done = total - pending;
  return (
    <div className="progress-cell">
      <progress value={done} max={total} aria-label={`${batch.name}: ${done} of ${total} done`} />
      <span>
        {done.toLocaleString()} of {total.toLocaleString()} done
      </span>
    </div>
  );
}

/** Migration: every batch, newest scheduled first, Create batch, and the reminders after a batch. */
export function BatchListPage() {
  return (
    <OperatorsOnly title="Migration">
      <BatchList />
    </OperatorsOnly>
  );
}

function BatchList() {
  const batches = useQuery(batchesQuery());

  return (
    <>
      <div className="page-title">
        <p className="hint">
          Batches move clients&apos; end users from the portal&apos;s login form to Single Sign-On at a set time.
        </p>
        <Link to={adminRoutes.newBatch} className="button">
          Create batch
        </Link>
      </div>
      <DataList query={batches} loading="Loading the batches…" empty="No batch has been planned yet." rows={(data) => data}>
        {(rows) => (
          <table aria-label="Batches">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Scheduled</th>
                <th scope="col">Status</th>
                <th scope="col">Clients</th>
                <th scope="col">Progress</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((batch) => (
                <tr key={batch.id}>
                  <td>
                    <Link to={batchUrl(batch.id)}>{batch.name}</Link>
                  </td>
                  <td>{formatInZone(batch.scheduledAt, batch.timeZone)}</td>
                  <td>{batchStatusLabel(batch.status)}</td>
                  <td>{batch.clients.map((client) => client.name).join(', ')}</td>
                  <td>
                    <BatchProgressCell batch={batch} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </DataList>
      <RemindersSection />
      <BatchTimeline />
    </>
  );
}
