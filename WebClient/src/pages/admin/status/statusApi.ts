import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { adminKeys, unwrap } from '../adminApi';

/** The system's live facts. A status is only as good as its moment: never shown from the cache. */
export const statusQuery = () =>
  queryOptions({ queryKey: adminKeys.status, queryFn: () => unwrap(api.GET('/api/admin/status')), staleTime: 0, gcTime: 0 });
