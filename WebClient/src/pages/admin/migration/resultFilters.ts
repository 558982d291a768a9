import { oneOf, positive, type UrlCodec } from '../../../components/useUrlState';
import type { ResultQuery, ResultStatus } from './migrationTypes';

export const resultStatuses = ['pending', 'excluded', 'migrated', 'linked', 'skipped', 'failed', 'rolled-back'] as const satisfies
  readonly ResultStatus[];

export const defaultResultPageSize = 50;

/** The results table's filter and page, in the batch page's URL under the Api's parameter names. */
export interface ResultFilters {
  status: ResultStatus | '';
  page: number;
}

export const resultFilters: UrlCodec<ResultFilters> = {
  read: (params) => ({
    status: oneOf(params.get('status'), ['', ...resultStatuses] as const, ''),
    page: positive(params.get('page'), 1),
  }),
  write: (filters) => {
    const params = new URLSearchParams();
    if (filters.status) params.set('status', filters.status);
    if (filters.page !== 1) params.set('page', String(filters.page));
    return params;
  },
};

export const toResultQuery = (filters: ResultFilters): ResultQuery => ({
  ...(filters.status ? { status: filters.status } : {}),
  // The Api reads its paging from the query as text, so that a bad value gets a sentence rather than a bare 400.
  page: String(filters.page),
  pageSize: String(defaultResultPageSize),
});
