import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { failureOf } from '../api/query';
import { ErrorAlert } from './ErrorAlert';
import { Pager, type PagerProps } from './Pager';

/** What the list needs of a TanStack query: its state, its answer and a way to ask again. */
export type ListQuery<T> = Pick<UseQueryResult<T>, 'isPending' | 'isError' | 'isSuccess' | 'data' | 'error' | 'isPlaceholderData' | 'refetch'>;

interface Props<T, Row> {
  query: ListQuery<T>;
  /** Said while the first answer is on its way: "Loading end users…". */
  loading: string;
  /** Said when the answer holds no row: a sentence, or a sentence with a way on (a link). */
  empty: ReactNode;
  /** The rows of the answer. */
  rows: (data: T) => readonly Row[];
  /** Paged lists: the pager under the rows (not shown when nothing matches). */
  pager?: (data: T) => PagerProps;
  /** The table; `busy` is true while another page or filter is loading (the old rows stay, dimmed). */
  children: (rows: readonly Row[], busy: boolean) => ReactNode;
}

/**
 * Every list of the portal and the admin area: the loading sentence, the Api's sentence with Try
 * again, the empty sentence, the table in a box that scrolls sideways on a narrow screen, the pager.
 */
export function DataList<T, Row>({ query, loading, empty, rows, pager, children }: Props<T, Row>) {
  if (query.isPending) return <p role="status">{loading}</p>;
  if (query.isError) {
    return (
      <>
        <ErrorAlert failure={failureOf(query.error)} />
        <button type="button" className="button secondary" onClick={() => void query.refetch()}>
          Try again
        </button>
      </>
    );
  }
  if (!query.isSuccess) return null;

  // A successful query holds its answer (the Pick loses TanStack's narrowing).
  const data = query.data as T;
  const items = rows(data);
  const busy = query.isPlaceholderData;
  const paging = pager?.(data);
  return (
    <>
      {busy && (
        <p role="status" className="hint">
          Updating…
        </p>
      )}
      {items.length === 0 ? (
        typeof empty === 'string' ? (
          <p className="empty">{empty}</p>
        ) : (
          <div className="empty">{empty}</div>
        )
      ) : (
        // Focusable, so that keyboard users can scroll a table wider than the screen (a long name in a row).
        <div className="table-scroll" tabIndex={0}>
          {children(items, busy)}
        </div>
      )}
      {paging && paging.total > 0 && <Pager {...paging} />}
    </>
  );
}
