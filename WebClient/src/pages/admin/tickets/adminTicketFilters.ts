import { oneOf, positive, type UrlCodec } from '../../../components/useUrlState';
import type { AdminTicketQuery } from '../adminTypes';

/** TicketStatuses and TicketPriorities on the Api. */
export const ticketStatusNames = ['Open', 'In progress', 'Waiting for you', 'Resolved', 'Closed'] as const;
export const ticketPriorityNames = ['Low', 'Normal', 'High', 'Urgent'] as const;

export const statusOptions = [
  { value: 'active', label: 'Active' },
  { value: 'closed', label: 'Closed' },
  { value: 'all', label: 'All' },
  ...ticketStatusNames.filter((status) => status !== 'Closed').map((status) => ({ value: status, label: `Only ${status}` })),
] as const;

export const priorityOptions = [{ value: '', label: 'Any priority' }, ...ticketPriorityNames.map((value) => ({ value, label: value }))];

export interface AdminTicketFilters {
  clientId: string;
  status: string;
  priority: string;
  search: string;
  page: number;
}

const pageSize = 25;

/** The queue's filters in the URL: active tickets of every client unless it says otherwise. */
export const adminTicketFilters: UrlCodec<AdminTicketFilters> = {
  read: (params) => ({
    clientId: params.get('clientId') ?? '',
    status: oneOf(
      params.get('status'),
      statusOptions.map((option) => option.value),
      'active',
    ),
    priority: ticketPriorityNames.find((name) => name === params.get('priority')) ?? '',
    search: params.get('search') ?? '',
    page: positive(params.get('page'), 1),
  }),
  write: ({ clientId, status, priority, search, page }) => {
    const params = new URLSearchParams();
    if (clientId) params.set('clientId', clientId);
    if (status !== 'active') params.set('status', status);
    if (priority) params.set('priority', priority);
    if (search) params.set('search', search);
    if (page > 1) params.set('page', String(page));
    return params;
  },
};

/** What GET /api/admin/tickets is asked: only the filters that are set. */
export function toAdminTicketQuery(filters: AdminTicketFilters): AdminTicketQuery {
  return {
    status: filters.status,
    page: String(filters.page),
    pageSize: String(pageSize),
    ...(filters.clientId ? { clientId: filters.clientId } : {}),
    ...(filters.priority ? { priority: filters.priority } : {}),
    ...(filters.search.trim() ? { search: filters.search.trim() } : {}),
  };
}

export const adminTicketPageSize = pageSize;
