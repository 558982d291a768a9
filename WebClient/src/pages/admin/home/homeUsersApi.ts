import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { adminKeys, unwrap } from '../adminApi';
import type { HomeUserQuery } from '../adminTypes';

/** One page of Home > User Management; the previous page stays on screen while the next one loads. */
export const homeUserListQuery = (query: HomeUserQuery) =>
  queryOptions({
    queryKey: adminKeys.homeUserList(query),
    queryFn: () => unwrap(api.GET('/api/admin/home-users', { params: { query } })),
    placeholderData: keepPreviousData,
  });

/** Sets a person's roles in one product; the list and the audit log are asked for again. */
export function useSetProductRoles() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ personId, productClientId, roles }: { personId: string; productClientId: string; roles: string[] }) =>
      unwrap(api.PUT('/api/admin/home-users/{personId}/products/{productClientId}/roles', { params: { path: { personId, productClientId } }, body: { roles } })),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: adminKeys.homeUsers }),
        queryClient.invalidateQueries({ queryKey: adminKeys.audit }),
      ]),
  });
}
