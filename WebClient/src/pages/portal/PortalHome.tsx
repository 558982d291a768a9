import { Link } from 'react-router';
import { useApiQuery } from '../../api/useApiQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SystemStatus } from '../../components/SystemStatus';
import { AdminAreaLink } from './AdminAreaLink';
import { loadMe } from './me';
import { useStaffLanding } from './staffLanding';

/** `/portal`: the signed-in home. */
export function PortalHome() {
  const { state } = useApiQuery(loadMe);
  const landing = useStaffLanding(state);

  return (
    <>
      {(state.status === 'loading' || landing.checking) && <p role="status">Loading your account…</p>}
      {state.status === 'error' && !landing.checking && (
        <>
          <ErrorAlert failure={state.failure} />
          <ErrorAlert failure={landing.adminRefusal} />
        </>
      )}
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
          <AdminAreaLink />
        </section>
      )}
      <SystemStatus />
    </>
  );
}
