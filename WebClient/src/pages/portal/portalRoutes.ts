/** The portal's addresses. */
export const portalRoutes = {
  home: '/portal',
  tickets: '/portal/tickets',
  newTicket: '/portal/tickets/new',
  ticket: '/portal/tickets/:ticketId',
  devices: '/portal/devices',
  device: '/portal/devices/:deviceId',
  help: '/portal/help',
  profile: '/portal/profile',
} as const;

export const ticketUrl = (ticketId: string) => portalRoutes.ticket.replace(':ticketId', encodeURIComponent(ticketId));

export const deviceUrl = (deviceId: string) => portalRoutes.device.replace(':deviceId', encodeURIComponent(deviceId));

/** Opening a ticket about one device: the form starts with it chosen. */
export const newTicketUrl = (deviceId?: string) =>
  deviceId ? `${portalRoutes.newTicket}?deviceId=${encodeURIComponent(deviceId)}` : portalRoutes.newTicket;
