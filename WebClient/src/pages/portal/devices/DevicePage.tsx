import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { failureOf } from '../../../api/query';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Facts } from '../../../components/Facts';
import { formatDateTime } from '../../../components/format';
import { deviceQuery } from '../portalApi';
import { newTicketUrl, portalRoutes } from '../portalRoutes';
import type { DeviceDetail } from '../portalTypes';
import { TicketTable } from '../tickets/TicketTable';
import { OnlineState } from './DeviceTable';

/** A fact the monitoring has not reported. */
const unknown = 'Not known';

function Device({ device }: { device: DeviceDetail }) {
  const facts: [string, ReactNode][] = [
    ['Type', device.type],
    ['Operating system', device.operatingSystem],
    ['Status', <OnlineState key="state" online={device.online} />],
    ['Last seen', formatDateTime(device.lastSeenAt)],
    ['Manufacturer', device.manufacturer ?? unknown],
    ['Model', device.model ?? unknown],
    ['Serial number', device.serialNumber ?? unknown],
    ['IP address', device.ipAddress ?? unknown],
    ['Assigned to', device.assignedToName ?? 'Shared (nobody in particular)'],
  ];
  return (
    <>
      <title>{`${device.name} · Devices · End User Portal`}</title>
      <div className="page-title">
        <h1>{device.name}</h1>
        <Link className="button" to={newTicketUrl(device.id)}>
          Open a ticket about this device
        </Link>
      </div>
      <Facts items={facts} />
      <section className="panel" aria-labelledby="device-tickets-title">
        <h2 id="device-tickets-title">Tickets about this device</h2>
        {device.tickets.length === 0 ? (
          <p className="hint">No tickets name this device.</p>
        ) : (
          <div className="table-scroll">
            <TicketTable caption="Tickets about this device" tickets={device.tickets} />
          </div>
        )}
      </section>
    </>
  );
}

/** `/portal/devices/:deviceId`: one device's facts and the tickets about it. */
export function DevicePage() {
  const { deviceId = '' } = useParams();
  const device = useQuery(deviceQuery(deviceId));

  return (
    <>
      <p>
        <Link to={portalRoutes.devices}>Back to devices</Link>
      </p>
      {device.isPending && <p role="status">Loading the device…</p>}
      {device.isError && (
        <>
          <title>Device · End User Portal</title>
          <h1>Device</h1>
          <ErrorAlert failure={failureOf(device.error)} />
        </>
      )}
      {device.isSuccess && <Device device={device.data} />}
    </>
  );
}
