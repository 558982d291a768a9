import type { AuditExportQuery, AuditQuery } from '../adminTypes';
import { positive, type UrlCodec } from '../../../components/useUrlState';

export const defaultAuditPageSize = 50;

/** What the Audit page shows; in the URL under the Api's parameter names. */
export interface AuditFilters {
  action: string;
  targetId: string;
  page: number;
  pageSize: number;
}

export const auditFilters: UrlCodec<AuditFilters> = {
  read: (params) => ({
    action: params.get('action') ?? '',
    targetId: params.get('targetId') ?? '',
    page: positive(params.get('page'), 1),
    pageSize: positive(params.get('pageSize'), defaultAuditPageSize, 200),
  }),
  write: (filters) => {
    const params = new URLSearchParams();
    if (filters.action) params.set('action', filters.action);
    if (filters.targetId) params.set('targetId', filters.targetId);
    if (filters.page !== 1) params.set('page', String(filters.page));
    if (filters.pageSize !== defaultAuditPageSize) params.set('pageSize', String(filters.pageSize));
    return params;
  },
};

/** The filters as the CSV export's query: the list's, without paging. */
export function toAuditExportQuery(filters: AuditFilters): AuditExportQuery {
  const query: AuditExportQuery = {};
  if (filters.action) query.action = filters.action;
  if (filters.targetId) query.targetId = filters.targetId;
  return query;
}

export const toAuditQuery = (filters: AuditFilters): AuditQuery => ({
  ...toAuditExportQuery(filters),
  page: filters.page,
  pageSize: filters.pageSize,
});
