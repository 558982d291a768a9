import { Link } from 'react-router';
import { formatDateTime } from '../../../components/format';
import { deviceUrl } from '../portalRoutes';
import type { DeviceSummary } from '../portalTypes';

/** "Online" / "Offline", said in words (not by colour alone). */
export function OnlineState({ online }: { online: boolean }) {
  return <span className={online ? 'state online' : 'state offline'}>{online ? 'Online' : 'Offline'}</span>;
}

/** Devices with their type, system and whether they were seen lately. */
export function DeviceTable({ devices, busy = false }: { devices: readonly DeviceSummary[]; busy?: boolean }) {
  const showAssigned = devices.some((device) => device.assignedToName !== null);
  return (
    <table aria-busy={busy}>
      <caption className="visually-hidden">Devices</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Type</th>
          <th scope="col">Operating system</th>
          <th scope="col">Status</th>
          <th scope="col">Last seen</th>
          {showAssigned && <th scope="col">Assigned to</th>}
        </tr>
      </thead>
      <tbody>
        {devices.map((device) => (
          <tr key={device.id}>
            <th scope="row">
              <Link to={deviceUrl(device.id)}>{device.name}</Link>
            </th>
            <td>{device.type}</td>
            <td>{device.operatingSystem}</td>
            <td>
              <OnlineState online={device.online} />
            </td>
            <td>{formatDateTime(device.lastSeenAt)}</td>
            {showAssigned && <td>{device.assignedToName ?? 'Shared'}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
