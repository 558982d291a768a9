import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { failureOf } from '../../../api/query';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Pager } from '../../../components/Pager';
import { SelectField } from '../../../components/SelectField';
import { useUrlState } from '../../../components/useUrlState';
import { loadTickets, portalKeys, useMe } from '../portalApi';
import { newTicketUrl } from '../portalRoutes';
import { isClientManager } from '../roles';
import { ticketFilters, ticketStatuses } from './ticketFilters';
import { TicketTable } from './TicketTable';

const emptyText = { active: 'No tickets yet', closed: 'No closed tickets', all: 'No tickets yet' } as const;

/** `/portal/tickets`: the user's tickets (a client manager's: the company's), filtered by status, paged by the Api. */
export function TicketListPage() {
  const me = useMe();
  const [query, update] = useUrlState(ticketFilters);
  const tickets = useQuery({
    queryKey: portalKeys.ticketList(query),
    queryFn: () => loadTickets(query),
    placeholderData: keepPreviousData,
  });
  const manager = me.isSuccess && isClientManager(me.data);
  const empty = tickets.isSuccess && tickets.data.total === 0;

  return (
    <>
      <title>Tickets · End User Portal</title>
      <div className="page-title">
        <h1>Tickets</h1>
        {/* One "Open a ticket" on the page: here, or in the empty state. */}
        {!empty && (
          <Link className="button" to={newTicketUrl()}>
            Open a ticket
          </Link>
        )}
      </div>
      <p className="hint">{manager ? 'Every ticket of your company.' : 'The tickets you opened with your IT provider.'}</p>
      <div role="search" aria-label="Filter tickets" className="filters">
        <SelectField
          label="Status"
          value={query.status}
          options={ticketStatuses}
          onChange={(status) => update({ status: status as typeof query.status, page: 1 })}
        />
      </div>
      {tickets.isPending && <p role="status">Loading your tickets…</p>}
      {tickets.isError && <ErrorAlert failure={failureOf(tickets.error)} />}
      {empty && (
        <div className="empty">
          <p>{emptyText[query.status]}</p>
          <Link className="button" to={newTicketUrl()}>
            Open a ticket
          </Link>
        </div>
      )}
      {tickets.isSuccess && tickets.data.total > 0 && (
        <>
          <TicketTable caption="Tickets" tickets={tickets.data.items} busy={tickets.isPlaceholderData} showOpenedBy={manager} />
          <Pager
            page={query.page}
            pageSize={query.pageSize}
            total={tickets.data.total}
            noun={['ticket', 'tickets']}
            onPage={(page) => update({ page })}
          />
        </>
      )}
    </>
  );
}
