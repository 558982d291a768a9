import { useQuery } from '@tanstack/react-query';
import { DataList } from '../../../components/DataList';
import { positive, useUrlState, type UrlCodec } from '../../../components/useUrlState';
import { deviceListQuery, useMe } from '../portalApi';
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
  const devices = useQuery(deviceListQuery(page, pageSize));

  return (
    <>
      <title>Devices · End User Portal</title>
      <h1>Devices</h1>
      <p className="hint">
        {me.isSuccess && isClientManager(me.data)
          ? "Every device of your company, as your IT provider's monitoring sees it."
          : "Your devices, as your IT provider's monitoring sees them."}
      </p>
      <DataList
        query={devices}
        loading="Loading your devices…"
        empty="No devices are registered for you."
        rows={(data) => data.items}
        pager={(data) => ({ page, pageSize, total: data.total, noun: ['device', 'devices'], onPage: (next) => update({ page: next }) })}
      >
        {(items, busy) => <DeviceTable devices={items} busy={busy} />}
      </DataList>
    </>
  );
}
