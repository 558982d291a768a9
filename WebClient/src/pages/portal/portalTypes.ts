import type { components } from '../../api/schema';

type Schemas = components['schemas'];

/*
 * The portal's wire types: aliases of the schema generated from the Api's OpenAPI document, so a
 * change on the Api shows up here as a type error.
 */

/** GET /api/portal/me: who is signed in, their partner's look and whom to ask for help. */
export type PortalMe = Schemas['Me'];
export type SupportContact = Schemas['SupportContact'];
export type TicketSummary = Schemas['TicketSummary'];
export type TicketPage = Schemas['PageOfTicketSummary'];
export type TicketDetail = Schemas['TicketDetail'];
export type AttachmentInfo = Schemas['AttachmentInfo'];
export type OpenTicketForm = Schemas['OpenTicketForm'];
export type DeviceSummary = Schemas['DeviceSummary'];
export type DevicePage = Schemas['PageOfDeviceSummary'];
export type DeviceDetail = Schemas['DeviceDetail'];
