import { api } from '../../api/client';
import { downloadFile } from '../../api/download';
import type { AdminTicketQuery, AuditExportQuery, AuditQuery, EndUserExportQuery, EndUserQuery, HomeUserQuery } from './adminTypes';

export { ApiError, failureOf, unwrap } from '../../api/query';

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
};

export const exportEndUsers = (query: EndUserExportQuery) =>
  downloadFile(
    () => api.GET('/api/admin/end-users/export.csv', { params: { query }, parseAs: 'blob' }),
    'end-users.csv',
  );

export const exportAudit = (query: AuditExportQuery) =>
  downloadFile(() => api.GET('/api/admin/audit/export.csv', { params: { query }, parseAs: 'blob' }), 'audit.csv');
