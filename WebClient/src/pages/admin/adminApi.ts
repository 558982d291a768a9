import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/query';
import type { AdminTicketQuery, AuditQuery, EndUserQuery, HomeUserQuery } from './adminTypes';

export { ApiError, failureOf, unwrap } from '../../api/query';

/*
 * The admin area's reads shared by several pages. Each feature keeps its own calls next to it
 * (users/endUsersApi.ts, audit/auditApi.ts, …): a `queryOptions` factory per read, a hook per write.
 * Components never call the client themselves.
 */

/** Query keys: every list is keyed by its whole filter, so a change of filter is a new query. */
export const adminKeys = {
  all: ['admin'] as const,
  me: ['admin', 'me'] as const,
  clients: ['admin', 'clients'] as const,
  endUsers: ['admin', 'end-users'] as const,
  endUserList: (query: EndUserQuery) => ['admin', 'end-users', 'list', query] as const,
  endUser: (id: string) => ['admin', 'end-users', 'detail', id] as const,
  homeUsers: ['admin', 'home-users'] as const,
  homeUserList: (query: HomeUserQuery) => ['admin', 'home-users', 'list', query] as const,
  audit: ['admin', 'audit'] as const,
  auditList: (query: AuditQuery) => ['admin', 'audit', 'list', query] as const,
  status: ['admin', 'status'] as const,
  tickets: ['admin', 'tickets'] as const,
  ticketList: (query: AdminTicketQuery) => ['admin', 'tickets', 'list', query] as const,
  ticket: (id: string) => ['admin', 'tickets', 'detail', id] as const,
  branding: ['admin', 'branding'] as const,
  apiClients: ['admin', 'api-clients'] as const,
  apiClientList: (page: number) => ['admin', 'api-clients', 'list', page] as const,
};

/** The signed-in staff member: asked once per visit to the admin area (see AdminLayout). */
export const staffQuery = () =>
  queryOptions({ queryKey: adminKeys.me, queryFn: () => unwrap(api.GET('/api/admin/me')), staleTime: Infinity });

/** The staff member's clients (an operator's: every partner's), with their end-user counts. */
export const clientsQuery = () => queryOptions({ queryKey: adminKeys.clients, queryFn: () => unwrap(api.GET('/api/admin/clients')) });

export const useClients = () => useQuery(clientsQuery());
