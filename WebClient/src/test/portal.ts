import { screen } from '@testing-library/react';
import type { DeviceDetail, DeviceSummary, PortalMe, TicketDetail, TicketSummary } from '../pages/portal/portalTypes';
import { json } from './api';
import { renderAt } from './render';

/** An end user of Contoso, looked after by Northwind MSP (which set a dark blue and a logo). */
export const portalMe = (extra: Partial<PortalMe> = {}): PortalMe => ({
  id: 'u-ada',
  name: 'Ada Lovelace',
  email: 'ada@contoso.example',
  clientName: 'Contoso',
  partnerName: 'Northwind MSP',
  migratedToSso: true,
  canChangePassword: false,
  role: 'End User',
  branding: { partnerName: 'Northwind MSP', color: '#0b3d91', logoUrl: '/api/branding/logos/abc123' },
  support: { name: 'Northwind MSP', email: 'help@northwind.example', phone: '+1 555 0100', hours: 'Mon–Fri 8:00–18:00' },
  ...extra,
});

export const laptop: DeviceSummary = {
  id: 'd-laptop',
  name: 'ADA-LAPTOP',
  type: 'Laptop',
  operatingSystem: 'Windows 11 Pro',
  lastSeenAt: '2026-11-29T09:00:00Z',
  online: true,
  assignedToName: 'Ada Lovelace',
};

export const phone: DeviceSummary = {
  ...laptop,
  id: 'd-phone',
  name: 'ADA-PHONE',
  type: 'Phone',
  operatingSystem: 'iOS 19',
  online: false,
};

export const printerTicket: TicketSummary = {
  id: 't-printer-0000-0000-0000-0000abcd1234',
  reference: 'T-ABCD1234',
  subject: 'The printer jams',
  status: 'Waiting for you',
  priority: 'Normal',
  openedByName: 'Ada Lovelace',
  deviceName: 'ADA-LAPTOP',
  createdAt: '2026-11-28T08:00:00Z',
  updatedAt: '2026-11-29T10:00:00Z',
  awaitingYou: true,
};

export const ticketDetail = (extra: Partial<TicketDetail> = {}): TicketDetail => ({
  id: printerTicket.id,
  reference: printerTicket.reference,
  subject: printerTicket.subject,
  description: 'Every second page jams.\nIt started on Monday.',
  status: printerTicket.status,
  priority: printerTicket.priority,
  clientName: 'Contoso',
  openedByName: 'Ada Lovelace',
  device: { id: laptop.id, name: laptop.name },
  createdAt: printerTicket.createdAt,
  updatedAt: printerTicket.updatedAt,
  attachments: [{ id: 'a-log', fileName: 'printer.log', contentType: 'text/plain', size: 2048 }],
  comments: [
    { id: 'c-1', authorName: 'Tom Technician', fromStaff: true, body: 'Please try the rear tray.', createdAt: '2026-11-29T10:00:00Z' },
  ],
  canComment: true,
  canClose: true,
  ...extra,
});

export const deviceDetail = (extra: Partial<DeviceDetail> = {}): DeviceDetail => ({
  ...laptop,
  manufacturer: 'Lenovo',
  model: 'ThinkPad T14',
  serialNumber: 'PF-12345',
  ipAddress: '10.0.0.15',
  tickets: [printerTicket],
  ...extra,
});

export const listPage = <T>(items: T[], extra: { total?: number; page?: number; pageSize?: number } = {}) => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 20,
  ...extra,
});

/** What every portal page asks first: who is signed in. */
export const portalBasics = (me: PortalMe = portalMe()) => ({ 'GET /api/portal/me': () => json(me) });

/** Opens a portal page and waits for the lazily loaded area to show its heading. */
export async function openPortal(url: string, heading: string | RegExp) {
  const view = renderAt(url);
  await screen.findByRole('heading', { level: 1, name: heading }, { timeout: 5000 });
  return view;
}
