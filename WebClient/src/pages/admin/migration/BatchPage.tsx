import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { failureOf } from '../adminApi';
import { ScopedFunnel } from '../funnel/ScopedFunnel';
import { adminRoutes } from '../adminRoutes';
import { useStaff } from '../staff';
import { BatchActions } from './BatchActions';
import { batchStatusLabel, noticeKindLabel } from './migrationFormat';
import { batchQuery } from './migrationApi';
import type { BatchDetail } from './migrationTypes';
import { isOperator, OperatorsOnly } from './OperatorsOnly';
import { ProgressSection } from './ProgressSection';
import { ReadinessSection } from './ReadinessSection';
import { ResultsSection } from './ResultsSection';
import { formatInZone } from './zonedTime';

/** Migration > a batch: its facts and actions, readiness before the run, progress and results after. */
export function BatchPage() {
  const { id = '' } = useParams();
  const staff = useStaff();
  return isOperator(staff.role) ? <Batch id={id} /> : <OperatorsOnly title="Migration batch" />;
}

function Batch({ id }: { id: string }) {
  const batch = useQuery(batchQuery(id));
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const title = batch.data?.name ?? 'Migration batch';
  return (
    <>
      <title>{`${title} · Migration · Admin · End User Portal`}</title>
      <h1>{title}</h1>
      <p className="hint">
        <Link to={adminRoutes.migration}>Back to the batches</Link>
      </p>
      {batch.isPending && <p role="status">Loading the batch…</p>}
      {batch.isError && (
        <>
          <ErrorAlert failure={failureOf(batch.error)} />
          <button type="button" className="button secondary" onClick={() => void batch.refetch()}>
            Try again
          </button>
        </>
      )}
      {batch.isSuccess && (
        <>
          {notice && (
            <p role="status" className="success" tabIndex={-1} ref={noticeRef}>
              {notice}
            </p>
          )}
          <BatchFacts batch={batch.data} />
          <BatchActions batch={batch.data} onDone={setNotice} />
          {batch.data.status !== 'scheduled' && batch.data.status !== 'cancelled' && <ProgressSection batch={batch.data} />}
          {(batch.data.status === 'running' || batch.data.status === 'completed') && (
            <ScopedFunnel title="Since the move" caption={`Funnel of ${batch.data.name}`} scope={{ batchId: id }} />
          )}
          {batch.data.status === 'scheduled' && <ReadinessSection batchId={id} />}
          <ResultsSection batch={batch.data} onDone={setNotice} />
          <NoticesSection batch={batch.data} />
        </>
      )}
    </>
  );
}

function BatchFacts({ batch }: { batch: BatchDetail }) {
  const inZone = (iso: string | null) => (iso ? formatInZone(iso, batch.timeZone) : '—');
  return (
    <dl className="facts">
      <div>
        <dt>Status</dt>
        <dd>{batchStatusLabel(batch.status)}</dd>
      </div>
      <div>
        <dt>Scheduled</dt>
        <dd>{inZone(batch.scheduledAt)}</dd>
      </div>
      {batch.windowOpensAt && (
        <div>
          <dt>Early moves</dt>
          <dd>From {inZone(batch.windowOpensAt)}, users move as they log in on the portal&apos;s form</dd>
        </div>
      )}
      <div>
        <dt>Clients</dt>
        <dd>
          <ul className="plain">
            {batch.clients.map((client) => (
              <li key={client.id}>
                {client.name} ({client.partnerName})
              </li>
            ))}
          </ul>
        </dd>
      </div>
      <div>
        <dt>End users</dt>
        <dd>{batch.counts.total.toLocaleString()}</dd>
      </div>
      <div>
        <dt>Created</dt>
        <dd>
          {inZone(batch.createdAt)} by {batch.createdBy}
        </dd>
      </div>
      {batch.startedAt && (
        <div>
          <dt>Started</dt>
          <dd>{inZone(batch.startedAt)}</dd>
        </div>
      )}
      {batch.completedAt && (
        <div>
          <dt>Completed</dt>
          <dd>{inZone(batch.completedAt)}</dd>
        </div>
      )}
    </dl>
  );
}

/** The e-mails partner admins were sent about this batch. */
function NoticesSection({ batch }: { batch: BatchDetail }) {
  return (
    <section className="panel" aria-labelledby="notices-title">
      <h2 id="notices-title">Notices sent</h2>
      {batch.notices.length === 0 ? (
        <p className="empty">No notice has been sent yet. Partner admins are e-mailed two weeks before the date.</p>
      ) : (
        <div className="table-scroll">
          <table aria-labelledby="notices-title">
            <thead>
              <tr>
                <th scope="col">Partner</th>
                <th scope="col">Kind</th>
                <th scope="col">For the date</th>
                <th scope="col">Sent</th>
              </tr>
            </thead>
            <tbody>
              {batch.notices.map((notice) => (
                <tr key={`${notice.partnerName}-${notice.kind}-${notice.scheduledFor}`}>
                  <td>{notice.partnerName}</td>
                  <td>{noticeKindLabel(notice.kind)}</td>
                  <td>{formatInZone(notice.scheduledFor, batch.timeZone)}</td>
                  <td>{notice.sentAt ? formatInZone(notice.sentAt, batch.timeZone) : 'Queued'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
