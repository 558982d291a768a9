import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Facts } from '../../../components/Facts';
import { formatDateTime } from '../../../components/format';
import { SubmitButton } from '../../../components/SubmitButton';
import { failureOf } from '../adminApi';
import { isOperator } from '../migration/OperatorsOnly';
import { useStaff } from '../staff';
import { statusQuery } from './statusApi';

function LiveFacts() {
  const status = useQuery(statusQuery());
  return (
    <section className="panel" aria-labelledby="status-facts-title">
      <div className="panel-header">
        <h2 id="status-facts-title">Live facts</h2>
        <SubmitButton type="button" label="Refresh" busy={status.isFetching} className="secondary" onClick={() => void status.refetch()} />
      </div>
      {status.isPending && <p role="status">Checking the system…</p>}
      {status.isError && <ErrorAlert failure={failureOf(status.error)} />}
      {status.isSuccess && (
        <Facts
          items={[
              ['Database', status.data.database],
              ['Schema version', status.data.schemaVersion],
              ['Cache', status.data.cacheServer],
              ['Partners', status.data.partners.toLocaleString()],
              ['Clients', status.data.clients.toLocaleString()],
              ['End users', status.data.endUsers.toLocaleString()],
              ['Status checks', status.data.visits.toLocaleString()],
              ['Checked at', formatDateTime(status.data.checkedAt)],
          ]}
        />
      )}
    </section>
  );
}

/**
 * `/admin/status`: what the platform is made of and whether each layer answers, for the people
 * who run it (platform operators). End users and the public login page see none of this.
 */
export function SystemStatusPage() {
  const staff = useStaff();
  return (
    <>
      <title>System status · Admin · End User Portal</title>
      <h1>System status</h1>
      {isOperator(staff.role) ? (
        <>
          <p>Read from the database and the cache as you open this page. Traces and logs are in the Aspire dashboard.</p>
          <LiveFacts />
        </>
      ) : (
        <ErrorAlert failure="The system status is for the platform's operators." />
      )}
    </>
  );
}
