import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { downloadFile } from '../../api/download';
import { unwrap } from '../../api/query';
import type { OpenTicketForm } from './portalTypes';

/*
 * The portal's calls: a `queryOptions` factory per read, a hook per write. Components never call
 * the client themselves.
 */

export type TicketListStatus = 'active' | 'closed' | 'all';

export interface TicketQuery {
  status: TicketListStatus;
  page: number;
  pageSize: number;
}

/** Query keys of the portal's cache (it lives as long as the portal is mounted). */
export const portalKeys = {
  me: ['portal', 'me'] as const,
  staff: ['portal', 'staff-me'] as const,
  sessions: ['portal', 'sessions'] as const,
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
export const meQuery = () => queryOptions({ queryKey: portalKeys.me, queryFn: () => unwrap(api.GET('/api/portal/me')) });

export const useMe = () => useQuery(meQuery());

/** The admin area's view of the same account: it answers only for partner staff. */
export const staffMeQuery = () => queryOptions({ queryKey: portalKeys.staff, queryFn: () => unwrap(api.GET('/api/admin/me')) });

/** A page of tickets; the previous page stays on screen while the next one loads. */
export const ticketListQuery = ({ status, page, pageSize }: TicketQuery) =>
  queryOptions({
    queryKey: portalKeys.ticketList({ status, page, pageSize }),
    queryFn: () => unwrap(api.GET('/api/portal/tickets', { params: { query: { status, page: String(page), pageSize: String(pageSize) } } })),
    placeholderData: keepPreviousData,
  });

export const ticketQuery = (ticketId: string) =>
  queryOptions({
    queryKey: portalKeys.ticket(ticketId),
    queryFn: () => unwrap(api.GET('/api/portal/tickets/{ticketId}', { params: { path: { ticketId } } })),
  });

export const deviceListQuery = (page: number, pageSize: number) =>
  queryOptions({
    queryKey: portalKeys.deviceList(page, pageSize),
    queryFn: () => unwrap(api.GET('/api/portal/devices', { params: { query: { page: String(page), pageSize: String(pageSize) } } })),
    placeholderData: keepPreviousData,
  });

export const deviceQuery = (deviceId: string) =>
  queryOptions({
    queryKey: portalKeys.device(deviceId),
    queryFn: () => unwrap(api.GET('/api/portal/devices/{deviceId}', { params: { path: { deviceId } } })),
  });

export interface NewTicket {
  subject: string;
  description: string;
  priority: string;
  deviceId: string | null;
  attachment: File | null;
}

/** POST /api/portal/tickets takes multipart/form-data (it may carry a file): the browser sets the boundary. */
function openTicket(ticket: NewTicket) {
  const form = new FormData();
  form.set('subject', ticket.subject);
  form.set('description', ticket.description);
  form.set('priority', ticket.priority);
  if (ticket.deviceId) form.set('deviceId', ticket.deviceId);
  if (ticket.attachment) form.set('attachment', ticket.attachment);
  // The generated type describes the form's fields; what is sent is the FormData itself.
  return unwrap(api.POST('/api/portal/tickets', { body: ticket as unknown as OpenTicketForm, bodySerializer: () => form }));
}

/** Every list a ticket shows in is read again after a change. */
function useTicketsChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: portalKeys.tickets });
}

export function useOpenTicket() {
  const changed = useTicketsChanged();
  return useMutation({ mutationFn: openTicket, onSuccess: changed });
}

export function useAddComment(ticketId: string) {
  const changed = useTicketsChanged();
  return useMutation({
    mutationFn: (body: string) =>
      unwrap(api.POST('/api/portal/tickets/{ticketId}/comments', { params: { path: { ticketId } }, body: { body } })),
    onSuccess: changed,
  });
}

export function useCloseTicket(ticketId: string) {
  const queryClient = useQueryClient();
  const changed = useTicketsChanged();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/portal/tickets/{ticketId}/close', { params: { path: { ticketId } } })),
    onSuccess: async (closed) => {
      queryClient.setQueryData(portalKeys.ticket(ticketId), closed);
      await changed();
    },
  });
}

export const downloadAttachment = (ticketId: string, attachmentId: string, fileName: string) =>
  downloadFile(
    () =>
      api.GET('/api/portal/tickets/{ticketId}/attachments/{attachmentId}', {
        params: { path: { ticketId, attachmentId } },
        parseAs: 'blob',
      }),
    fileName,
  );

/** A legacy user's own password (migrated users change theirs on the SSO screens). */
export const useChangePassword = () =>
  useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => unwrap(api.POST('/api/portal/me/password', { body })),
  });

/** The user's SSO sessions: never shown from the cache, a session may end elsewhere at any time. */
export const sessionsQuery = () =>
  queryOptions({ queryKey: portalKeys.sessions, queryFn: () => unwrap(api.GET('/api/sso/sessions')), staleTime: 0 });

/** Whatever happened, the list is shown as it is now (a session may have ended meanwhile). */
function useSessionsChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: portalKeys.sessions });
}

export function useEndSession() {
  const changed = useSessionsChanged();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/sso/sessions/{id}', { params: { path: { id } } })),
    onSettled: changed,
  });
}

export function useEndOtherSessions() {
  const changed = useSessionsChanged();
  return useMutation({ mutationFn: () => unwrap(api.POST('/api/sso/sessions/end-others')), onSettled: changed });
}
