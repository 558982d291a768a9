import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { failureOf } from '../../../api/query';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Pager } from '../../../components/Pager';
import { positive, useUrlState, type UrlCodec } from '../../../components/useUrlState';
import { loadDevices, portalKeys, useMe } from '../portalApi';
import { isClientManager } from '../roles';
import { DeviceTable } from './DeviceTable';

const pageSize = 50;

const devicePaging: UrlCodec<{ page: number }> = {
  read: (params) => ({ page: positive(params.get('page'), 1) }),
  write: ({ page }) => new URLSearchParams(page > 1 ? { page: String(page) } : {}),
};

/** `/portal/devices`: the devices assigned to the user (a client manager: all of the company's). */
export function DeviceListPage() {
  const me = useMe();
  const [{ page }, update] = useUrlState(devicePaging);
  const devices = useQuery({
    queryKey: portalKeys.deviceList(page, pageSize),
    queryFn: () => loadDevices(page, pageSize),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <title>Devices · End User Portal</title>
      <h1>Devices</h1>
      <p className="hint">
        {me.isSuccess && isClientManager(me.data)
          ? "Every device of your company, as your IT provider's monitoring sees it."
          : "Your devices, as your IT provider's monitoring sees them."}
      </p>
      {devices.isPending && <p role="status">Loading your devices…</p>}
      {devices.isError && <ErrorAlert failure={failureOf(devices.error)} />}
      {devices.isSuccess && devices.data.total === 0 && <p className="empty">No devices are registered for you.</p>}
      {devices.isSuccess && devices.data.total > 0 && (
        <>
          <DeviceTable devices={devices.data.items} busy={devices.isPlaceholderData} />
          <Pager page={page} pageSize={pageSize} total={devices.data.total} noun={['device', 'devices']} onPage={(next) => update({ page: next })} />
        </>
      )}
    </>
  );
}
