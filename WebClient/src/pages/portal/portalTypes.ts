import type { AsWritten } from '../../api/query';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];

/*
 * The portal's wire types: aliases of the schema generated from the Api's OpenAPI document, so a
 * change on the Api shows up here as a type error.
 * TODO(H3): devices, branding and /me are declared from the contract until H2's branch is merged.
 */

export type TicketSummary = AsWritten<Schemas['TicketSummary']>;
export type TicketPage = AsWritten<Schemas['TicketPage']>;
export type TicketDetail = AsWritten<Schemas['TicketDetail']>;
export type AttachmentInfo = AsWritten<Schemas['AttachmentInfo']>;
export type TicketCommentView = AsWritten<Schemas['TicketCommentView']>;
export type OpenTicketForm = Schemas['OpenTicketForm'];

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
