import { oneOf, positive, type UrlCodec } from '../../../components/useUrlState';
import type { TicketListStatus, TicketQuery } from '../portalApi';

export const ticketStatuses: readonly { value: TicketListStatus; label: string }[] = [
  { value: 'active', label: 'Active' },
  { value: 'closed', label: 'Closed' },
  { value: 'all', label: 'All' },
];

const pageSize = 20;

/** `/portal/tickets?status=closed&page=2`: active tickets, page 1, unless the URL says otherwise. */
export const ticketFilters: UrlCodec<TicketQuery> = {
  read: (params) => ({
    status: oneOf(
      params.get('status'),
      ticketStatuses.map((status) => status.value),
      'active',
    ),
    page: positive(params.get('page'), 1),
    pageSize,
  }),
  write: ({ status, page }) => {
    const params = new URLSearchParams();
    if (status !== 'active') params.set('status', status);
    if (page > 1) params.set('page', String(page));
    return params;
  },
};
