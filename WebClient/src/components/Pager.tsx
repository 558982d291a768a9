import { count } from './format';

export interface PagerProps {
  page: number;
  pageSize: number;
  total: number;
  /** "end user" / "end users", "event" / "events". */
  noun: readonly [string, string];
  /** The server stopped counting at `total`: more match ("10,000+"), and only those can be paged through. */
  capped?: boolean;
  onPage: (page: number) => void;
}

export const pageCount = (total: number, pageSize: number) => Math.max(1, Math.ceil(total / pageSize));

/** "Page x of y", the total, and Previous / Next. */
export function Pager({ page, pageSize, total, noun, capped = false, onPage }: PagerProps) {
  const pages = pageCount(total, pageSize);
  return (
    <nav className="pager" aria-label="Pages">
      <p>
        Page {page} of {pages} · {capped ? `${total.toLocaleString()}+ ${noun[1]}` : count(total, noun[0], noun[1])}
      </p>
      <div className="actions">
        <button type="button" className="button secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          Previous
        </button>
        <button type="button" className="button secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
          Next
        </button>
      </div>
    </nav>
  );
}
