import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatDateTime } from '../../../components/format';
import { DataList } from '../../../components/DataList';
import { SearchField } from '../../../components/SearchField';
import { SelectField } from '../../../components/SelectField';
import { useUrlState } from '../../../components/useUrlState';
import { useClients } from '../adminApi';
import { adminTicketUrl } from '../adminRoutes';
import type { AdminTicketSummary } from '../adminTypes';
import { useStaff } from '../staff';
import { adminTicketListQuery } from './adminTicketsApi';
import { adminTicketFilters, adminTicketPageSize, priorityOptions, statusOptions, toAdminTicketQuery } from './adminTicketFilters';

function TicketRows({ tickets, busy }: { tickets: readonly AdminTicketSummary[]; busy: boolean }) {
  return (
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
  );
}

/** `/admin/tickets`: the staff's queue, their clients' tickets (an operator's: all), filtered and paged by the Api. */
export function AdminTicketListPage() {
  const staff = useStaff();
  const [filters, update] = useUrlState(adminTicketFilters);
  const query = toAdminTicketQuery(filters);
  const tickets = useQuery(adminTicketListQuery(query));
  const clients = useClients();
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
      <DataList
        query={tickets}
        loading="Loading tickets…"
        empty="No tickets match these filters."
        rows={(page) => page.items}
        pager={(page) => ({
          page: filters.page,
          pageSize: adminTicketPageSize,
          total: page.total,
          noun: ['ticket', 'tickets'],
          onPage: (next) => update({ page: next }),
        })}
      >
        {(items, busy) => <TicketRows tickets={items} busy={busy} />}
      </DataList>
    </>
  );
}
