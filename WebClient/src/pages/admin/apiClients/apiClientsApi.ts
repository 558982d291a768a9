import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { adminKeys, unwrap } from '../adminApi';

/** One page of Settings > API clients; the previous page stays on screen while the next one loads. */
export const apiClientListQuery = (page: number) =>
  queryOptions({
    queryKey: adminKeys.apiClientList(page),
    queryFn: () => unwrap(api.GET('/api/admin/api-clients', { params: { query: { page: String(page), pageSize: '20' } } })),
    placeholderData: keepPreviousData,
  });

/** After any change the list and the audit log are asked for again. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: adminKeys.apiClients }),
      queryClient.invalidateQueries({ queryKey: adminKeys.audit }),
    ]);
}

export const scopeChoices = [
  { scope: 'admin.read', sentence: 'Read your clients, end users, tickets and audit log through the admin API.' },
  { scope: 'admin.write', sentence: 'Also change them: add, edit, disable and delete end users (includes read).' },
  { scope: 'scim', sentence: 'Provision end users from your identity provider through SCIM 2.0 (Microsoft Entra ID, Okta).' },
] as const;

/** Creates an API client; the answer carries its secret, once. */
export function useCreateApiClient() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { name: string; scopes: string[] }) => unwrap(api.POST('/api/admin/api-clients', { body })),
    onSettled: refresh,
  });
}

/** A new secret (in the answer, once); the old one works 7 more days or until retired. */
export function useRotateSecret() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/admin/api-clients/{apiClientId}/rotate-secret', { params: { path: { apiClientId: id } } })),
    onSettled: refresh,
  });
}

export function useRetireOldSecret() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/admin/api-clients/{apiClientId}/retire-old-secret', { params: { path: { apiClientId: id } } })),
    onSettled: refresh,
  });
}

export function useRevokeApiClient() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/admin/api-clients/{apiClientId}/revoke', { params: { path: { apiClientId: id } } })),
    onSettled: refresh,
  });
}
