import { api, send } from '../api/client';
import { useApiQuery } from '../api/useApiQuery';
import { ErrorAlert } from './ErrorAlert';
import { SubmitButton } from './SubmitButton';

export interface StatusFacts {
  database: string;
  schemaVersion?: string;
  partners: number | string;
  clients: number | string;
  endUsers: number | string;
  visits: number | string;
  cacheServer: string;
  checkedAt: string;
}

const facts: [label: string, key: Exclude<keyof StatusFacts, 'checkedAt'>][] = [
  ['Database', 'database'],
  ['Schema version', 'schemaVersion'],
  ['Partners', 'partners'],
  ['Clients', 'clients'],
  ['End users', 'endUsers'],
  ['Cache', 'cacheServer'],
  ['Visits', 'visits'],
];

const loadStatus = () => send<StatusFacts>(api.GET('/api/status'));

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/** Live facts from GET /api/status: what the database and the cache hold right now. */
export function SystemStatus() {
  const { state, pending, reload } = useApiQuery(loadStatus);

  return (
    <section className="panel" aria-labelledby="system-status-title">
      <div className="panel-header">
        <h2 id="system-status-title">System status</h2>
        <SubmitButton type="button" label="Refresh" busy={pending} className="secondary" onClick={reload} />
      </div>
      {state.status === 'loading' && <p role="status">Checking the system…</p>}
      {state.status === 'error' && <ErrorAlert failure={state.failure} />}
      {state.status === 'success' && (
        <dl className="facts">
          {facts
            .filter(([, key]) => state.data[key] !== undefined)
            .map(([label, key]) => (
              <div key={key}>
                <dt>{label}</dt>
                <dd data-testid={`status-${key}`}>{state.data[key]}</dd>
              </div>
            ))}
          <div>
            <dt>Checked at</dt>
            <dd data-testid="status-checkedAt">
              <time dateTime={state.data.checkedAt}>{formatTime(state.data.checkedAt)}</time>
            </dd>
          </div>
        </dl>
      )}
    </section>
  );
}
