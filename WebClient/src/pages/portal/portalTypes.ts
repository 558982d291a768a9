/*
 * The portal's wire types (contract of issue 9). TODO(H3): alias the generated schema once the
 * Api's ticket, device and branding endpoints are merged.
 */

export interface PortalBranding {
  partnerName: string;
  /** #rrggbb, or null for the portal's own colour. */
  color: string | null;
  logoUrl: string | null;
}

export interface SupportContact {
  name: string;
  email: string | null;
  phone: string | null;
  hours: string | null;
}

/** GET /api/portal/me: who is signed in, their partner's look and whom to ask for help. */
export interface PortalMe {
  name: string;
  email: string;
  clientName: string;
  partnerName: string;
  migratedToSso: boolean;
  canChangePassword: boolean;
  role: string;
  branding: PortalBranding;
  support: SupportContact;
}

export interface TicketSummary {
  id: string;
  reference: string;
  subject: string;
  status: string;
  priority: string;
  openedByName: string;
  deviceName: string | null;
  createdAt: string;
  updatedAt: string;
  awaitingYou: boolean;
}

export interface TicketPage {
  items: TicketSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export interface AttachmentInfo {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
}

export interface TicketCommentView {
  id: string;
  authorName: string;
  fromStaff: boolean;
  body: string;
  createdAt: string;
}

export interface TicketDetail {
  id: string;
  reference: string;
  subject: string;
  description: string;
  status: string;
  priority: string;
  clientName: string;
  openedByName: string;
  device: { id: string; name: string } | null;
  createdAt: string;
  updatedAt: string;
  attachments: AttachmentInfo[];
  comments: TicketCommentView[];
  canComment: boolean;
  canClose: boolean;
}

export interface DeviceSummary {
  id: string;
  name: string;
  type: string;
  operatingSystem: string;
  lastSeenAt: string;
  online: boolean;
  assignedToName: string | null;
}

export interface DevicePage {
  items: DeviceSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export interface DeviceDetail extends DeviceSummary {
  manufacturer: string;
  model: string;
  serialNumber: string;
  ipAddress: string;
  tickets: TicketSummary[];
}
