import type { EndUserExportQuery, EndUserQuery } from '../adminTypes';
import { oneOf, positive, type UrlCodec } from '../../../components/useUrlState';

export const sortKeys = ['name', 'email', 'client', 'role', 'status', 'migratedAt', 'lastLogin'] as const;
export type SortKey = (typeof sortKeys)[number];

const statuses = ['', 'enabled', 'disabled'] as const;
const migratedValues = ['', 'true', 'false'] as const;
const ssoStates = ['', 'activation-pending', 'mfa-not-enrolled', 'active'] as const;
const attentionValues = ['', 'true'] as const;

export const defaultPageSize = 50;

/** What Manage Users shows: every field lives in the URL under the Api's own parameter name. */
export interface EndUserFilters {
  search: string;
  clientId: string;
  status: (typeof statuses)[number];
  migrated: (typeof migratedValues)[number];
  ssoState: (typeof ssoStates)[number];
  /** "true": only the users the partner can fix before they move. */
  needsAttention: (typeof attentionValues)[number];
  sort: SortKey;
  desc: boolean;
  page: number;
  pageSize: number;
}

export const endUserFilters: UrlCodec<EndUserFilters> = {
  read: (params) => ({
    search: (params.get('search') ?? '').slice(0, 200),
    clientId: params.get('clientId') ?? '',
    status: oneOf(params.get('status'), statuses, ''),
    migrated: oneOf(params.get('migrated'), migratedValues, ''),
    ssoState: oneOf(params.get('ssoState'), ssoStates, ''),
    needsAttention: oneOf(params.get('needsAttention'), attentionValues, ''),
    sort: oneOf(params.get('sort'), sortKeys, 'name'),
    desc: params.get('desc') === 'true',
    page: positive(params.get('page'), 1),
    pageSize: positive(params.get('pageSize'), defaultPageSize, 200),
  }),
  write: (filters) => {
    const params = new URLSearchParams();
    if (filters.search) params.set('search', filters.search);
    if (filters.clientId) params.set('clientId', filters.clientId);
    if (filters.status) params.set('status', filters.status);
    if (filters.migrated) params.set('migrated', filters.migrated);
    if (filters.ssoState) params.set('ssoState', filters.ssoState);
    if (filters.needsAttention) params.set('needsAttention', filters.needsAttention);
    if (filters.sort !== 'name') params.set('sort', filters.sort);
    if (filters.desc) params.set('desc', 'true');
    if (filters.page !== 1) params.set('page', String(filters.page));
    if (filters.pageSize !== defaultPageSize) params.set('pageSize', String(filters.pageSize));
    return params;
  },
};

/** The filters as the CSV export's query: the list's, without paging. */
export function toEndUserExportQuery(filters: EndUserFilters): EndUserExportQuery {
  const query: EndUserExportQuery = { sort: filters.sort, desc: filters.desc };
  if (filters.search) query.search = filters.search;
  if (filters.clientId) query.clientId = filters.clientId;
  if (filters.status) query.status = filters.status;
  if (filters.migrated) query.migrated = filters.migrated === 'true';
  if (filters.ssoState) query.ssoState = filters.ssoState;
  if (filters.needsAttention) query.needsAttention = filters.needsAttention;
  return query;
}

/** The filters as the list's query. */
export const toEndUserQuery = (filters: EndUserFilters): EndUserQuery => ({
  ...toEndUserExportQuery(filters),
  page: filters.page,
  pageSize: filters.pageSize,
});

/** True when the list is narrowed by anything but sort and page. */
export const isFiltered = (filters: EndUserFilters) =>
  Boolean(filters.search || filters.clientId || filters.status || filters.migrated || filters.ssoState || filters.needsAttention);
