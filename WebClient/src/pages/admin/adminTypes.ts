import type { components, operations } from '../../api/schema';

type Schemas = components['schemas'];

/*
 * The admin area's wire types: aliases of the schema generated from the Api's OpenAPI document
 * (src/api/schema.d.ts), so a change on the Api shows up here as a type error.
 */


export type StaffMe = Schemas['StaffMe'];
export type ClientSummary = Schemas['ClientSummary'];
export type EndUserRow = Schemas['EndUserRow'];
/** EndUserRow.migration: where an end user not on SSO yet stands in the move (MigrationStateNames on the Api). */
export type EndUserMigration = Schemas['EndUserMigration'];
export type MigrationState =
  | 'not-planned'
  | 'scheduled'
  | 'moving'
  | 'paused'
  | 'next-run'
  | 'excluded'
  | 'no-usable-email'
  | 'duplicate-email'
  | 'failed'
  | 'awaiting-owner'
  | 'owner-declined';
export type EndUserPage = Schemas['EndUserPage'];
export type EmailDelivery = Schemas['EmailDelivery'];
export type EndUserDetail = Schemas['EndUserDetail'];
export type BulkResult = Schemas['BulkResult'];
export type AuditEntry = Schemas['AuditEntry'];
export type AuditPage = Schemas['PageOfAuditEntry'];

/** The body of POST /api/admin/end-users and PUT /api/admin/end-users/{id}: Client, Name, Email, Role. */
export type EndUserInput = { [Key in keyof Schemas['AddEndUserRequest']]: NonNullable<Schemas['AddEndUserRequest'][Key]> };

export type BulkAction = 'disable' | 'resend-activation' | 'send-reminder';

/** Query of GET /api/admin/end-users; its CSV export takes the same without paging. */
export type EndUserQuery = NonNullable<operations['GetEndUsers']['parameters']['query']>;
export type EndUserExportQuery = NonNullable<operations['ExportEndUsers']['parameters']['query']>;
export type SsoState = NonNullable<EndUserQuery['ssoState']>;
/** EndUserRow.accessRequest: the owner of the existing SSO account with this address was asked (AccessRequestNames on the Api). */
export type AccessRequestState = 'waiting' | 'declined';

/** Home > User Management: a person (staff or linked end user) with their roles per product. */
export type HomeUserRow = Schemas['HomeUserRow'];
export type HomeUserProductRoles = Schemas['HomeUserProductRoles'];
export type HomeUserPage = Schemas['PageOfHomeUserRow'];
export type HomeUserQuery = NonNullable<operations['GetHomeUsers']['parameters']['query']>;

/** Query of GET /api/admin/audit; its CSV export takes the same without paging. */
export type AuditQuery = NonNullable<operations['ListAuditEvents']['parameters']['query']>;
export type AuditExportQuery = NonNullable<operations['ExportAuditEvents']['parameters']['query']>;

/** Query of GET /api/admin/tickets: client, status (active, closed, all or one status), priority, search, page. */
export type AdminTicketQuery = NonNullable<operations['GetAdminTickets']['parameters']['query']>;
export type AdminTicketSummary = Schemas['AdminTicketSummary'];
export type AdminTicketDetail = Schemas['AdminTicketDetail'];

/** GET /api/admin/branding: the partner's look and support contact (PUT answers the same). */
export type BrandingSettings = Schemas['BrandingSettings'];
export type LogoUpload = Schemas['LogoUpload'];

/** Settings > API clients: a partner's API client (never its secret), and the answers that carry a secret once. */
export type ApiClientRow = Schemas['ApiClientRow'];
export type ApiClientPage = Schemas['PageOfApiClientRow'];
export type CreatedApiClient = Schemas['CreatedApiClient'];
export type RotatedApiClientSecret = Schemas['RotatedApiClientSecret'];
