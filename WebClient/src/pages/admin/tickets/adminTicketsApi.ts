import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { downloadFile } from '../../../api/download';
import { adminKeys, unwrap } from '../adminApi';
import type { AdminTicketQuery } from '../adminTypes';

const byTicket = (ticketId: string) => ({ params: { path: { ticketId } } });

/** One page of the staff's ticket queue; the previous page stays on screen while the next one loads. */
export const adminTicketListQuery = (query: AdminTicketQuery) =>
  queryOptions({
    queryKey: adminKeys.ticketList(query),
    queryFn: () => unwrap(api.GET('/api/admin/tickets', { params: { query } })),
    placeholderData: keepPreviousData,
  });

export const adminTicketQuery = (ticketId: string) =>
  queryOptions({ queryKey: adminKeys.ticket(ticketId), queryFn: () => unwrap(api.GET('/api/admin/tickets/{ticketId}', byTicket(ticketId))) });

export const downloadAdminAttachment = (ticketId: string, attachmentId: string, fileName: string) =>
  downloadFile(
    () => api.GET('/api/admin/tickets/{ticketId}/attachments/{attachmentId}', { params: { path: { ticketId, attachmentId } }, parseAs: 'blob' }),
    fileName,
  );

/** After a change, the ticket and every list it shows in are read again. */
function useTicketChanged(ticketId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: adminKeys.tickets });
    await queryClient.invalidateQueries({ queryKey: adminKeys.ticket(ticketId) });
  };
}

/** An answer, optionally with the ticket's next status; `onSent` runs before the ticket is read again. */
export function useAnswerTicket(ticketId: string, onSent: () => void) {
  const changed = useTicketChanged(ticketId);
  return useMutation({
    mutationFn: (answer: { body: string; status: string | null }) =>
      unwrap(api.POST('/api/admin/tickets/{ticketId}/comments', { ...byTicket(ticketId), body: answer })),
    onSuccess: async () => {
      onSent();
      await changed();
    },
  });
}

/** A new status; `onChanged` gets the updated ticket before it is read again. */
export function useSetTicketStatus(ticketId: string, onChanged: (updated: { status: string }) => void) {
  const changed = useTicketChanged(ticketId);
  return useMutation({
    mutationFn: (status: string) => unwrap(api.PUT('/api/admin/tickets/{ticketId}/status', { ...byTicket(ticketId), body: { status } })),
    onSuccess: async (updated) => {
      onChanged(updated);
      await changed();
    },
  });
}
