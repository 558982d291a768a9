import { positive, type UrlCodec } from '../../../components/useUrlState';
import type { HomeUserQuery } from '../adminTypes';

export const defaultHomeUserPageSize = 50;

/** What Home > User Management shows; in the URL under the Api's parameter names. */
export interface HomeUserFilters {
  search: string;
  page: number;
  pageSize: number;
}

export const homeUserFilters: UrlCodec<HomeUserFilters> = {
  read: (params) => ({
    search: params.get('search') ?? '',
    page: positive(params.get('page'), 1),
    pageSize: positive(params.get('pageSize'), defaultHomeUserPageSize, 200),
  }),
  write: (filters) => {
    const params = new URLSearchParams();
    if (filters.search) params.set('search', filters.search);
    if (filters.page !== 1) params.set('page', String(filters.page));
    if (filters.pageSize !== defaultHomeUserPageSize) params.set('pageSize', String(filters.pageSize));
    return params;
  },
};

export const toHomeUserQuery = (filters: HomeUserFilters): HomeUserQuery => ({
  ...(filters.search ? { search: filters.search } : {}),
  page: filters.page,
  pageSize: filters.pageSize,
});
