import { useEffect } from 'react';
import { pageCount } from '../../components/Pager';

interface PagedList {
  isSuccess: boolean;
  isPlaceholderData: boolean;
}

/**
 * After the last rows of the last page went (deleted, or a role taken away), shows the page that
 * is now last instead of an empty one. Returns the number of pages.
 */
export function useLastPage(list: PagedList, total: number, page: number, pageSize: number, onPage: (page: number) => void) {
  const lastPage = pageCount(total, pageSize);
  useEffect(() => {
    if (list.isSuccess && !list.isPlaceholderData && total > 0 && page > lastPage) onPage(lastPage);
  }, [list.isSuccess, list.isPlaceholderData, total, page, lastPage, onPage]);
  return lastPage;
}
