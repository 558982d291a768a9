import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime } from '../../../components/format';
import { Pager } from '../../../components/Pager';
import { SearchField } from '../../../components/SearchField';
import { SelectField } from '../../../components/SelectField';
import { useUrlState } from '../../../components/useUrlState';
import { adminKeys, failureOf, unwrap } from '../adminApi';
import { adminTicketUrl } from '../adminRoutes';
import type { AdminTicketSummary } from '../adminTypes';
import { useStaff } from '../staff';
import { adminTicketFilters, adminTicketPageSize, priorityOptions, statusOptions, toAdminTicketQuery } from './adminTicketFilters';

function TicketRows({ tickets, busy }: { tickets: AdminTicketSummary[]; busy: boolean }) {
  return (
    <div className="table-scroll">
      <table aria-busy={busy}>
        <caption className="visually-hidden">Tickets</caption>
        <thead>
          <tr>
            <th scope="col">Subject</th>
            <th scope="col">Reference</th>
            <th scope="col">Client</th>
            <th scope="col">Opened by</th>
            <th scope="col">Status</th>
            <th scope="col">Priority</th>
            <th scope="col">Last update</th>
          </tr>
        </thead>
        <tbody>
          {tickets.map((ticket) => (
            <tr key={ticket.id}>
              <th scope="row">
                <Link to={adminTicketUrl(ticket.id)}>{ticket.subject}</Link>
              </th>
              <td>{ticket.reference}</td>
              <td>{ticket.clientName}</td>
              <td className="email">
                {ticket.openedByName}
                <br />
                <span className="hint">{ticket.openedByEmail}</span>
              </td>
              <td>
                {ticket.status}
                {!ticket.awaitingYou && ticket.status !== 'Closed' && <span className="badge">Needs answer</span>}
              </td>
              <td>{ticket.priority}</td>
              <td>{formatDateTime(ticket.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** `/admin/tickets`: the staff's queue, their clients' tickets (an operator's: all), filtered and paged by the Api. */
export function AdminTicketListPage() {
  const staff = useStaff();
  const [filters, update] = useUrlState(adminTicketFilters);
  const query = toAdminTicketQuery(filters);
  const tickets = useQuery({
    queryKey: adminKeys.ticketList(query),
    queryFn: () => unwrap(api.GET('/api/admin/tickets', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const clients = useQuery({ queryKey: adminKeys.clients, queryFn: () => unwrap(api.GET('/api/admin/clients')) });
  const clientOptions = [
    { value: '', label: clients.data ? 'All clients' : 'Loading clients…' },
    ...(clients.data ?? []).map((client) => ({
      value: client.id,
      label: staff.partnerId === null ? `${client.name} (${client.partnerName})` : client.name,
    })),
  ];
  const set = (change: Partial<typeof filters>) => update({ ...change, page: 1 });

  return (
    <>
      <title>Tickets · Admin · End User Portal</title>
      <h1>Tickets</h1>
      <p>Your clients&apos; tickets, the most recently active first. Open one to answer it or change its status.</p>
      <div role="search" aria-label="Filter tickets" className="filters">
        <SearchField
          hint="Subject, reference or e-mail"
          value={filters.search}
          onSearch={(search) => update({ search, page: 1 }, { replace: true })}
        />
        <SelectField label="Client" value={filters.clientId} options={clientOptions} onChange={(clientId) => set({ clientId })} />
        <SelectField label="Status" value={filters.status} options={statusOptions} onChange={(status) => set({ status })} />
        <SelectField label="Priority" value={filters.priority} options={priorityOptions} onChange={(priority) => set({ priority })} />
      </div>
      {tickets.isPending && <p role="status">Loading tickets…</p>}
      {tickets.isError && <ErrorAlert failure={failureOf(tickets.error)} />}
      {tickets.isSuccess && tickets.data.total === 0 && <p className="empty">No tickets match these filters.</p>}
      {tickets.isSuccess && tickets.data.total > 0 && (
        <>
          <TicketRows tickets={tickets.data.items} busy={tickets.isPlaceholderData} />
          <Pager
            page={filters.page}
            pageSize={adminTicketPageSize}
            total={tickets.data.total}
            noun={['ticket', 'tickets']}
            onPage={(page) => update({ page })}
          />
        </>
      )}
    </>
  );
}
