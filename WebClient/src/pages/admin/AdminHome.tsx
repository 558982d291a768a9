import { Link } from 'react-router';
import { DataList } from '../../components/DataList';
import { useClients } from './adminApi';
import { adminRoutes } from './adminRoutes';
import { FunnelsSection } from './funnel/FunnelsSection';
import type { ClientSummary } from './adminTypes';
import { formatDate } from './format';
import { useStaff } from './staff';

/** "migrated 120 of 240" with a bar; the date once the whole client is on Single Sign-On. */
function MigratedBar({ client }: { client: ClientSummary }) {
  if (client.endUsers === 0) return <>No end users</>;
  const text = `migrated ${client.migrated.toLocaleString()} of ${client.endUsers.toLocaleString()}`;
  return (
    <div className="progress-cell">
      <progress value={client.migrated} max={client.endUsers} aria-label={`${client.name}: ${text}`} />
      <span>
        {text}
        {client.migratedToSsoAt && ` · since ${formatDate(client.migratedToSsoAt)}`}
      </span>
    </div>
  );
}

/** `/admin`: where staff land; their clients and how far each is in the move to Single Sign-On. */
export function AdminHome() {
  const staff = useStaff();
  const clients = useClients();

  return (
    <>
      <title>Admin · End User Portal</title>
      <h1>Admin area</h1>
      <p>
        Welcome, {staff.name}. Your clients&apos; end users are under Settings &gt; Account Administration &gt; Users
        &gt; <Link to={adminRoutes.manageUsers}>Manage Users</Link>.
      </p>
      <section className="panel" aria-labelledby="clients-title">
        <h2 id="clients-title">Clients and their move to Single Sign-On</h2>
        <DataList query={clients} loading="Loading your clients…" empty="You have no clients yet." rows={(data) => data}>
          {(rows) => (
            <table>
              <thead>
                <tr>
                  <th scope="col">Client</th>
                  {staff.partnerId === null && <th scope="col">Partner</th>}
                  <th scope="col">End users</th>
                  <th scope="col">Migrated to SSO</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((client) => (
                  <tr key={client.id}>
                    <td>
                      <Link to={`${adminRoutes.manageUsers}?clientId=${encodeURIComponent(client.id)}`}>{client.name}</Link>
                    </td>
                    {staff.partnerId === null && <td>{client.partnerName}</td>}
                    <td>{client.endUsers}</td>
                    <td>
                      <MigratedBar client={client} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </DataList>
      </section>
      <FunnelsSection />
    </>
  );
}
