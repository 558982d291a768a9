import { Link } from 'react-router';
import { useApiQuery } from '../../api/useApiQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SystemStatus } from '../../components/SystemStatus';
import { loadMe } from './me';

/** `/portal`: the signed-in home. */
export function PortalHome() {
  const { state } = useApiQuery(loadMe);

  return (
    <>
      {state.status === 'loading' && <p role="status">Loading your account…</p>}
      {state.status === 'error' && <ErrorAlert failure={state.failure} />}
      {state.status === 'success' && (
        <section aria-labelledby="welcome-title">
          <h1 id="welcome-title">Welcome, {state.data.name}</h1>
          <dl className="facts">
            <div>
              <dt>Email</dt>
              <dd>{state.data.email}</dd>
            </div>
            <div>
              <dt>Company</dt>
              <dd>{state.data.clientName}</dd>
            </div>
            <div>
              <dt>Managed by</dt>
              <dd>{state.data.partnerName}</dd>
            </div>
            <div>
              <dt>Sign-in</dt>
              <dd>{state.data.migratedToSso ? 'Single Sign-On' : 'Portal password'}</dd>
            </div>
          </dl>
          <p>
            <Link to="/portal/profile">Edit Profile</Link>
          </p>
        </section>
      )}
      <SystemStatus />
    </>
  );
}
