import { api, send } from '../api/client';
import { useApiQuery } from '../api/useApiQuery';
import { ErrorAlert } from './ErrorAlert';
import { SubmitButton } from './SubmitButton';

const loadStatus = () => send(api.GET('/api/status'));

/**
 * Whether the service is up (GET /api/status). Anonymous visitors learn nothing more: what the
 * system is made of is for platform operators only.
 */
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
        <p data-testid="status-service">{state.data.status === 'up' ? 'All services are up.' : 'Some services are down.'}</p>
      )}
    </section>
  );
}
