import type { components, operations, paths } from '../../api/schema';

type Schemas = components['schemas'];

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

// ---- Generated: who is signed in, and Manage Users (read) ----

export type StaffMe = Schemas['StaffMe'];
export type ClientSummary = AsWritten<Schemas['ClientSummary']>;
export type EndUserRow = Schemas['EndUserRow'];
export type EndUserPage = AsWritten<Schemas['EndUserPage']>;
export type EmailDelivery = AsWritten<Schemas['EmailDelivery']>;
export type EndUserDetail = AsWritten<Schemas['EndUserDetail']>;

/** Query of GET /api/admin/end-users; its CSV export takes the same without paging. */
export type EndUserQuery = NonNullable<operations['GetEndUsers']['parameters']['query']>;
export type EndUserExportQuery = NonNullable<operations['ExportEndUsers']['parameters']['query']>;
export type SsoState = NonNullable<EndUserQuery['ssoState']>;

// ---- Hand-written from the admin contract until the Api's document has the lifecycle and audit
// endpoints; then these become aliases too and AdminPaths goes away (the screens use `api`). ----

/** The body of POST /api/admin/end-users and PUT /api/admin/end-users/{id}: Client, Name, Email, Role. */
export interface EndUserInput {
  clientId: string;
  name: string;
  email: string;
  role: string;
}

export type BulkAction = 'disable' | 'resend-activation';

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

// The lifecycle and audit operations, in the shape openapi-typescript writes.

type Headers = { headers: Record<string, unknown> };
type Content<T> = Headers & { content: { 'application/json': T } };
type NoContent = Headers & { content?: never };
type Problem = Headers & { content: { 'application/problem+json': Record<string, unknown> } };
type Csv = Headers & { content: { 'text/csv': string } };

type Operation<Query, Path, Body, Responses> = {
  parameters: { query?: Query; header?: never; cookie?: never } & ([Path] extends [never] ? { path?: never } : { path: Path });
  responses: Responses & { 400: Problem; 403: Problem; 404: Problem; 409: Problem };
} & ([Body] extends [undefined] ? { requestBody?: never } : { requestBody: { content: { 'application/json': Body } } });

type Post<Responses> = Operation<never, { id: string }, undefined, Responses>;

interface LifecycleMethods {
  '/api/admin/end-users': { post: Operation<never, never, EndUserInput, { 201: Content<{ id: string }> }> };
  '/api/admin/end-users/{id}': {
    put: Operation<never, { id: string }, EndUserInput, { 204: NoContent }>;
    delete: Operation<never, { id: string }, undefined, { 204: NoContent }>;
  };
  '/api/admin/end-users/{id}/disable': { post: Post<{ 204: NoContent }> };
  '/api/admin/end-users/{id}/enable': { post: Post<{ 204: NoContent }> };
  '/api/admin/end-users/{id}/resend-activation': { post: Post<{ 202: NoContent; 429: Problem }> };
  '/api/admin/end-users/{id}/reset-mfa': { post: Post<{ 204: NoContent }> };
  '/api/admin/end-users/{id}/unlock': { post: Post<{ 204: NoContent }> };
  '/api/admin/end-users/bulk': {
    post: Operation<never, never, { action: BulkAction; ids: string[] }, { 200: Content<BulkResult> }>;
  };
  '/api/admin/audit': { get: Operation<AuditQuery, never, undefined, { 200: Content<AuditPage> }> };
  '/api/admin/audit/export.csv': { get: Operation<AuditExportQuery, never, undefined, { 200: Csv }> };
}

interface EmptyPathItem {
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

/** The generated paths, with the lifecycle methods added (to a generated path, or a new one). */
export type AdminPaths = Omit<paths, keyof LifecycleMethods> & {
  [Path in keyof LifecycleMethods]: (Path extends keyof paths
    ? Omit<paths[Path], keyof LifecycleMethods[Path]>
    : Omit<EmptyPathItem, keyof LifecycleMethods[Path]>) &
    LifecycleMethods[Path];
};
