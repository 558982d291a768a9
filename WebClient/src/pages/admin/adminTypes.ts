import type { components } from '../../api/schema';

/*
 * The admin area's wire types. StaffMe comes from the generated schema; the Manage Users and
 * audit endpoints are written here by hand from the admin contract until the Api's OpenAPI
 * document has them. Then each one becomes an alias of `components['schemas'][...]` and
 * AdminPaths (merged into the generated `paths` below, so the screens use the one typed client
 * already) goes away.
 */

export type StaffMe = components['schemas']['StaffMe'];

/**
 * A response type as the Api writes it. Its OpenAPI document types whole numbers as
 * `number | string` because the Api also *reads* numbers sent as strings (web defaults); what it
 * writes is always a JSON number, so the screens get `number`.
 */
export type AsWritten<T> = [T] extends [readonly (infer Item)[]]
  ? AsWritten<Item>[]
  : [T] extends [object]
    ? { [Key in keyof T]: AsWritten<T[Key]> }
    : [string] extends [T]
      ? [number] extends [T]
        ? Exclude<T, string>
        : T
      : T;

export type SsoState = 'activation-pending' | 'mfa-not-enrolled' | 'active';

export interface ClientSummary {
  id: string;
  name: string;
  partnerId: string;
  partnerName: string;
  migratedToSsoAt: string | null;
  endUsers: number;
  migrated: number;
}

export interface EndUserRow {
  id: string;
  name: string;
  email: string;
  clientId: string;
  clientName: string;
  role: string;
  enabled: boolean;
  locked: boolean;
  migratedToSso: boolean;
  migratedAt: string | null;
  ssoState: SsoState | null;
  lastLoginAt: string | null;
}

export interface EndUserPage {
  items: EndUserRow[];
  page: number;
  pageSize: number;
  total: number;
}

export interface EmailDelivery {
  id: string;
  kind: string;
  subject: string;
  createdAt: string;
  state: 'queued' | 'sent' | 'failed';
  sentAt: string | null;
  error: string | null;
  attempts: number;
}

export interface EndUserDetail {
  user: EndUserRow;
  emails: EmailDelivery[];
}

export interface EndUserInput {
  clientId: string;
  name: string;
  email: string;
  role: string;
}

export interface Created {
  id: string;
}

export type BulkAction = 'disable' | 'resend-activation';

export interface BulkRequest {
  action: BulkAction;
  ids: string[];
}

export interface BulkResult {
  succeeded: number;
  failed: { id: string; reason: string }[];
}

export interface AuditEntry {
  id: string;
  at: string;
  actorName: string;
  action: string;
  targetType: string;
  targetId: string | null;
  targetName: string | null;
  before: string | null;
  after: string | null;
  clientIp: string | null;
}

export interface AuditPage {
  items: AuditEntry[];
  page: number;
  pageSize: number;
  total: number;
}

/** Query of GET /api/admin/end-users; its CSV export takes the same without paging. */
export interface EndUserExportQuery {
  search?: string;
  clientId?: string;
  status?: 'enabled' | 'disabled';
  migrated?: boolean;
  ssoState?: SsoState;
  sort?: 'name' | 'email' | 'client' | 'role' | 'status' | 'migratedAt' | 'lastLogin';
  desc?: boolean;
}

export interface EndUserQuery extends EndUserExportQuery {
  page?: number;
  pageSize?: number;
}

/** Query of GET /api/admin/audit; its CSV export takes the same without paging. */
export interface AuditExportQuery {
  action?: string;
  targetId?: string;
  from?: string;
  to?: string;
}

export interface AuditQuery extends AuditExportQuery {
  page?: number;
  pageSize?: number;
}

// ---- The paths, in the shape openapi-typescript writes, so the screens use the one typed client ----

type Content<T> = { headers: Record<string, unknown>; content: { 'application/json': T } };
type NoContent = { headers: Record<string, unknown>; content?: never };
type Problem = { headers: Record<string, unknown>; content: { 'application/problem+json': Record<string, unknown> } };
type Csv = { headers: Record<string, unknown>; content: { 'text/csv': string } };

type Operation<Query, Path, Body, Responses> = {
  parameters: { query?: Query; header?: never; cookie?: never } & ([Path] extends [never] ? { path?: never } : { path: Path });
  responses: Responses & { 400: Problem; 403: Problem; 404: Problem; 409: Problem };
} & ([Body] extends [undefined] ? { requestBody?: never } : { requestBody: { content: { 'application/json': Body } } });

type IdPath = { id: string };
type Post<Responses> = Operation<never, IdPath, undefined, Responses>;

interface PathItem {
  parameters: { query?: never; header?: never; path?: never; cookie?: never };
  get?: never;
  put?: never;
  post?: never;
  delete?: never;
  options?: never;
  head?: never;
  patch?: never;
  trace?: never;
}

export interface AdminPaths {
  '/api/admin/clients': Omit<PathItem, 'get'> & { get: Operation<never, never, undefined, { 200: Content<ClientSummary[]> }> };
  '/api/admin/end-users': Omit<PathItem, 'get' | 'post'> & {
    get: Operation<EndUserQuery, never, undefined, { 200: Content<EndUserPage> }>;
    post: Operation<never, never, EndUserInput, { 201: Content<Created> }>;
  };
  '/api/admin/end-users/export.csv': Omit<PathItem, 'get'> & {
    get: Operation<EndUserExportQuery, never, undefined, { 200: Csv }>;
  };
  '/api/admin/end-users/bulk': Omit<PathItem, 'post'> & {
    post: Operation<never, never, BulkRequest, { 200: Content<BulkResult> }>;
  };
  '/api/admin/end-users/{id}': Omit<PathItem, 'get' | 'put' | 'delete'> & {
    get: Operation<never, IdPath, undefined, { 200: Content<EndUserDetail> }>;
    put: Operation<never, IdPath, EndUserInput, { 204: NoContent }>;
    delete: Operation<never, IdPath, undefined, { 204: NoContent }>;
  };
  '/api/admin/end-users/{id}/disable': Omit<PathItem, 'post'> & { post: Post<{ 204: NoContent }> };
  '/api/admin/end-users/{id}/enable': Omit<PathItem, 'post'> & { post: Post<{ 204: NoContent }> };
  '/api/admin/end-users/{id}/resend-activation': Omit<PathItem, 'post'> & {
    post: Post<{ 202: NoContent; 429: Problem }>;
  };
  '/api/admin/end-users/{id}/reset-mfa': Omit<PathItem, 'post'> & { post: Post<{ 204: NoContent }> };
  '/api/admin/end-users/{id}/unlock': Omit<PathItem, 'post'> & { post: Post<{ 204: NoContent }> };
  '/api/admin/audit': Omit<PathItem, 'get'> & { get: Operation<AuditQuery, never, undefined, { 200: Content<AuditPage> }> };
  '/api/admin/audit/export.csv': Omit<PathItem, 'get'> & { get: Operation<AuditExportQuery, never, undefined, { 200: Csv }> };
}

declare module '../../api/schema' {
  // Until the Api's document has the admin endpoints, the one typed client learns them from here.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface paths extends AdminPaths {}
}
