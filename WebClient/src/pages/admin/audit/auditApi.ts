import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { downloadFile } from '../../../api/download';
import { adminKeys, unwrap } from '../adminApi';
import type { AuditExportQuery, AuditQuery } from '../adminTypes';

/** One page of the audit log, newest first; the previous page stays on screen while the next one loads. */
export const auditListQuery = (query: AuditQuery) =>
  queryOptions({
    queryKey: adminKeys.auditList(query),
    queryFn: () => unwrap(api.GET('/api/admin/audit', { params: { query } })),
    placeholderData: keepPreviousData,
  });

export const exportAudit = (query: AuditExportQuery) =>
  downloadFile(() => api.GET('/api/admin/audit/export.csv', { params: { query }, parseAs: 'blob' }), 'audit.csv');
