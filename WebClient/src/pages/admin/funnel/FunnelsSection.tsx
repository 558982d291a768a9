import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { DataList } from '../../../components/DataList';
import { formatInZone } from '../migration/zonedTime';
import { funnelsPageSize, funnelsQuery } from './funnelApi';
import { FunnelView } from './FunnelView';

/**
 * The admin home's "Move to Single Sign-On": a funnel per batch that ran or runs with the caller's
 * clients (counting their users only), the latest first; it follows the numbers without a reload.
 */
export function FunnelsSection() {
  const [page, setPage] = useState(1);
  const funnels = useQuery(funnelsQuery(page));
  return (
    <section aria-labelledby="funnels-title">
      <h2 id="funnels-title">Move to Single Sign-On, step by step</h2>
      <p className="hint">
        After a batch moves your clients&apos; end users, each still has to activate their e-mail, set up an
        authenticator and sign in. Open a step&apos;s people to help the ones who are stuck.
      </p>
      <DataList
        query={funnels}
        loading="Loading the batches…"
        empty="No batch has moved your clients' end users yet."
        rows={(data) => data.items}
        pager={(data) => ({ page, pageSize: funnelsPageSize, total: data.total, noun: ['batch', 'batches'], onPage: setPage })}
      >
        {(batches) => (
          <div className="funnels">
            {batches.map((batch) => (
              <FunnelView key={batch.batchId} level={3} title={batch.name} scope={{ batchId: batch.batchId }} report={batch.funnel}>
                <p className="hint">
                  {batch.status === 'running' ? 'Running since' : 'Ran'} {formatInZone(batch.startedAt ?? batch.scheduledAt, batch.timeZone)}
                  {' · '}
                  {batch.clients.join(', ')}
                </p>
              </FunnelView>
            ))}
          </div>
        )}
      </DataList>
    </section>
  );
}
