import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { DataList } from '../../../components/DataList';
import { SelectField } from '../../../components/SelectField';
import { useUrlState } from '../../../components/useUrlState';
import { ticketListQuery, useMe } from '../portalApi';
import { newTicketUrl } from '../portalRoutes';
import { isClientManager } from '../roles';
import { ticketFilters, ticketStatuses } from './ticketFilters';
import { TicketTable } from './TicketTable';

const emptyText = { active: 'No tickets yet', closed: 'No closed tickets', all: 'No tickets yet' } as const;

/** `/portal/tickets`: the user's tickets (a client manager's: the company's), filtered by status, paged by the Api. */
export function TicketListPage() {
  const me = useMe();
  const [query, update] = useUrlState(ticketFilters);
  const tickets = useQuery(ticketListQuery(query));
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
      <DataList
        query={tickets}
        loading="Loading your tickets…"
        empty={
          <>
            <p>{emptyText[query.status]}</p>
            <Link className="button" to={newTicketUrl()}>
              Open a ticket
            </Link>
          </>
        }
        rows={(page) => page.items}
        pager={(page) => ({
          page: query.page,
          pageSize: query.pageSize,
          total: page.total,
          noun: ['ticket', 'tickets'],
          onPage: (next) => update({ page: next }),
        })}
      >
        {(items, busy) => <TicketTable caption="Tickets" tickets={items} busy={busy} showOpenedBy={manager} />}
      </DataList>
    </>
  );
}
