import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/query';
import { downloadFile } from '../../api/download';
import type { OpenTicketForm } from './portalTypes';

export type TicketListStatus = 'active' | 'closed' | 'all';

export interface TicketQuery {
  status: TicketListStatus;
  page: number;
  pageSize: number;
}

/** Query keys of the portal's cache (it lives as long as the portal is mounted). */
export const portalKeys = {
  me: ['portal', 'me'] as const,
  tickets: ['portal', 'tickets'] as const,
  ticketList: (query: TicketQuery) => ['portal', 'tickets', 'list', query] as const,
  ticket: (id: string) => ['portal', 'tickets', 'detail', id] as const,
  devices: ['portal', 'devices'] as const,
  deviceList: (page: number, pageSize: number) => ['portal', 'devices', 'list', page, pageSize] as const,
  device: (id: string) => ['portal', 'devices', 'detail', id] as const,
};

/**
 * Who is signed in, with their partner's branding and support contact. Shared by the banner and the
 * page; asked again when a page opens after a while, so a disabled account finds out on its next click.
 */
export function useMe() {
  return useQuery({ queryKey: portalKeys.me, queryFn: () => unwrap(api.GET('/api/portal/me')) });
}

export const loadTickets = ({ status, page, pageSize }: TicketQuery) =>
  unwrap(api.GET('/api/portal/tickets', { params: { query: { status, page: String(page), pageSize: String(pageSize) } } }));

export const loadTicket = (ticketId: string) =>
  unwrap(api.GET('/api/portal/tickets/{ticketId}', { params: { path: { ticketId } } }));

export interface NewTicket {
  subject: string;
  description: string;
  priority: string;
  deviceId: string | null;
  attachment: File | null;
}

/** POST /api/portal/tickets takes multipart/form-data (it may carry a file): the browser sets the boundary. */
export function openTicket(ticket: NewTicket) {
  const form = new FormData();
  form.set('subject', ticket.subject);
  form.set('description', ticket.description);
  form.set('priority', ticket.priority);
  if (ticket.deviceId) form.set('deviceId', ticket.deviceId);
  if (ticket.attachment) form.set('attachment', ticket.attachment);
  // The generated type describes the form's fields; what is sent is the FormData itself.
  return unwrap(api.POST('/api/portal/tickets', { body: ticket as unknown as OpenTicketForm, bodySerializer: () => form }));
}

export const addComment = (ticketId: string, body: string) =>
  unwrap(api.POST('/api/portal/tickets/{ticketId}/comments', { params: { path: { ticketId } }, body: { body } }));

export const closeTicket = (ticketId: string) =>
  unwrap(api.POST('/api/portal/tickets/{ticketId}/close', { params: { path: { ticketId } } }));

export const downloadAttachment = (ticketId: string, attachmentId: string, fileName: string) =>
  downloadFile(
    () =>
      api.GET('/api/portal/tickets/{ticketId}/attachments/{attachmentId}', {
        params: { path: { ticketId, attachmentId } },
        parseAs: 'blob',
      }),
    fileName,
  );

export const loadDevices = (page: number, pageSize: number) =>
  unwrap(api.GET('/api/portal/devices', { params: { query: { page: String(page), pageSize: String(pageSize) } } }));

export const loadDevice = (deviceId: string) =>
  unwrap(api.GET('/api/portal/devices/{deviceId}', { params: { path: { deviceId } } }));
