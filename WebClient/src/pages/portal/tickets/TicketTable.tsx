import { Link } from 'react-router';
import { formatDateTime } from '../../../components/format';
import { ticketUrl } from '../portalRoutes';
import type { TicketSummary } from '../portalTypes';

interface Props {
  caption: string;
  tickets: readonly TicketSummary[];
  busy?: boolean;
  /** A client manager sees colleagues' tickets too, so who opened each one matters. */
  showOpenedBy?: boolean;
}

/** Tickets with their status and last update, newest activity first (as the Api sorts them). */
export function TicketTable({ caption, tickets, busy = false, showOpenedBy = false }: Props) {
  return (
    <table aria-busy={busy}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Subject</th>
          <th scope="col">Reference</th>
          <th scope="col">Status</th>
          <th scope="col">Priority</th>
          <th scope="col">Device</th>
          {showOpenedBy && <th scope="col">Opened by</th>}
          <th scope="col">Last update</th>
        </tr>
      </thead>
      <tbody>
        {tickets.map((ticket) => (
          <tr key={ticket.id}>
            <th scope="row">
              <Link to={ticketUrl(ticket.id)}>{ticket.subject}</Link>
              {ticket.awaitingYou && <span className="badge info">New answer</span>}
            </th>
            <td>{ticket.reference}</td>
            <td>{ticket.status}</td>
            <td>{ticket.priority}</td>
            <td>{ticket.deviceName ?? '—'}</td>
            {showOpenedBy && <td>{ticket.openedByName}</td>}
            <td>{formatDateTime(ticket.updatedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
