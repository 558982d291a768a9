import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { failureOf } from '../../api/query';
import { DataList } from '../../components/DataList';
import { ErrorAlert } from '../../components/ErrorAlert';
import { count } from '../../components/format';
import { AdminAreaLink } from './AdminAreaLink';
import { DeviceTable } from './devices/DeviceTable';
import { deviceListQuery, ticketListQuery, useMe, type TicketQuery } from './portalApi';
import { newTicketUrl, portalRoutes } from './portalRoutes';
import { TicketTable } from './tickets/TicketTable';
import { isClientManager } from './roles';
import { useStaffLanding } from './staffLanding';
import type { PortalMe } from './portalTypes';

const recentActive: TicketQuery = { status: 'active', page: 1, pageSize: 5 };
const firstDevices = 5;

function ActiveTickets({ me }: { me: PortalMe }) {
  const tickets = useQuery(ticketListQuery(recentActive));
  return (
    <section className="panel" aria-labelledby="active-tickets-title">
      <div className="panel-header">
        <h2 id="active-tickets-title">Your active tickets</h2>
        <Link to={portalRoutes.tickets}>All tickets</Link>
      </div>
      <DataList query={tickets} loading="Loading your tickets…" empty="No active tickets. Need help? Open a ticket." rows={(page) => page.items}>
        {(items) => <TicketTable caption="Your active tickets" tickets={items} showOpenedBy={isClientManager(me)} />}
      </DataList>
      {tickets.isSuccess && tickets.data.total > tickets.data.items.length && (
        <p className="hint">
          {count(tickets.data.total, 'active ticket', 'active tickets')} in all: see <Link to={portalRoutes.tickets}>All tickets</Link>.
        </p>
      )}
    </section>
  );
}

function Devices() {
  const devices = useQuery(deviceListQuery(1, firstDevices));
  const online = devices.data?.items.filter((device) => device.online).length ?? 0;
  return (
    <section className="panel" aria-labelledby="devices-title">
      <div className="panel-header">
        <h2 id="devices-title">Your devices</h2>
        <Link to={portalRoutes.devices}>All devices</Link>
      </div>
      {devices.isSuccess && devices.data.total > 0 && (
        <p>
          {count(devices.data.total, 'device', 'devices')}
          {devices.data.total <= firstDevices && ` · ${online.toLocaleString()} online`}
        </p>
      )}
      <DataList query={devices} loading="Loading your devices…" empty="No devices are registered for you." rows={(page) => page.items}>
        {(items) => <DeviceTable devices={items} />}
      </DataList>
    </section>
  );
}

/** `/portal`: the signed-in home: a greeting, the way to get help, and what is going on. */
export function PortalHome() {
  const me = useMe();
  const failure = me.isError ? failureOf(me.error) : null;
  const landing = useStaffLanding(failure);

  return (
    <>
      <title>Home · End User Portal</title>
      {(me.isPending || landing.checking) && <p role="status">Loading your account…</p>}
      {failure && !landing.checking && (
        <>
          <ErrorAlert failure={failure} />
          <ErrorAlert failure={landing.adminRefusal} />
        </>
      )}
      {me.isSuccess && (
        <>
          <section aria-labelledby="welcome-title">
            <h1 id="welcome-title">Welcome, {me.data.name}</h1>
            <p>
              {me.data.clientName} · supported by {me.data.partnerName} ·{' '}
              {me.data.migratedToSso ? 'you sign in with Single Sign-On' : 'you sign in with your portal password'}
            </p>
            <p>
              <Link className="button" to={newTicketUrl()}>
                Open a ticket
              </Link>
            </p>
            <AdminAreaLink />
          </section>
          <ActiveTickets me={me.data} />
          <Devices />
        </>
      )}
    </>
  );
}
