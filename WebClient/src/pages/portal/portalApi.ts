import { useQuery } from '@tanstack/react-query';
import { api, send } from '../../api/client';
import { ApiError } from '../../api/query';
import { downloadFile } from '../../api/download';
import { contractApi } from './contractApi';
import type { DeviceDetail, DevicePage, PortalMe, TicketCommentView, TicketDetail, TicketPage } from './portalTypes';

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

async function call<T>(request: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<T> {
  const result = await send(request);
  if (!result.ok) throw new ApiError(result.failure);
  return result.data as T;
}

/** Who is signed in, with their partner's branding and support contact: asked once per portal visit. */
export function useMe() {
  return useQuery({ queryKey: portalKeys.me, queryFn: () => call<PortalMe>(api.GET('/api/portal/me')), staleTime: Infinity });
}

export const loadTickets = (query: TicketQuery) =>
  call<TicketPage>(contractApi.GET('/api/portal/tickets', { params: { query } }));

export const loadTicket = (ticketId: string) =>
  call<TicketDetail>(contractApi.GET('/api/portal/tickets/{ticketId}', { params: { path: { ticketId } } }));

/** POST /api/portal/tickets takes multipart/form-data: the fields and the optional attachment. */
export const openTicket = (form: FormData) =>
  call<TicketDetail>(contractApi.POST('/api/portal/tickets', { body: form, bodySerializer: (body: FormData) => body }));

export const addComment = (ticketId: string, body: string) =>
  call<TicketCommentView>(
    contractApi.POST('/api/portal/tickets/{ticketId}/comments', { params: { path: { ticketId } }, body: { body } }),
  );

export const closeTicket = (ticketId: string) =>
  call<TicketDetail>(contractApi.POST('/api/portal/tickets/{ticketId}/close', { params: { path: { ticketId } } }));

export const downloadAttachment = (ticketId: string, attachmentId: string, fileName: string) =>
  downloadFile(
    () =>
      contractApi.GET('/api/portal/tickets/{ticketId}/attachments/{attachmentId}', {
        params: { path: { ticketId, attachmentId } },
        parseAs: 'blob',
      }),
    fileName,
  );

export const loadDevices = (page: number, pageSize: number) =>
  call<DevicePage>(contractApi.GET('/api/portal/devices', { params: { query: { page, pageSize } } }));

export const loadDevice = (deviceId: string) =>
  call<DeviceDetail>(contractApi.GET('/api/portal/devices/{deviceId}', { params: { path: { deviceId } } }));
