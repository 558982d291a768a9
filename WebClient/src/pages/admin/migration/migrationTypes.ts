import type { paths } from '../../../api/schema';

/*
 * The migration console's wire types, written by hand from the migration contract
 * (/api/admin/migration) until the Api's OpenAPI document has these endpoints. Then each type
 * becomes an alias of the generated schema (as adminTypes.ts did) and MigrationPaths goes away.
 */

export type BatchStatus = 'scheduled' | 'running' | 'completed' | 'cancelled' | 'rolled-back';
export type ResultStatus = 'pending' | 'excluded' | 'migrated' | 'linked' | 'skipped' | 'failed' | 'rolled-back';
export type ReadinessOutcome = 'migrate' | 'link' | 'skip' | 'excluded';
export type ReadinessProblem = 'no-usable-email' | 'duplicate-email' | 'disabled' | 'deleted' | 'locked' | 'already-migrated';

export interface BatchClient {
  id: string;
  name: string;
  partnerName: string;
}

export interface BatchCounts {
  total: number;
  pending: number;
  excluded: number;
  migrated: number;
  linked: number;
  skipped: number;
  failed: number;
  rolledBack: number;
}

export interface BatchSummary {
  id: string;
  name: string;
  scheduledAt: string;
  /** IANA id, e.g. "Europe/Amsterdam". */
  timeZone: string;
  status: BatchStatus;
  clients: BatchClient[];
  counts: BatchCounts;
}

export interface BatchProgress {
  done: number;
  total: number;
  percent: number;
  perSecond: number;
  secondsLeft: number | null;
}

export interface BatchNotice {
  partnerName: string;
  kind: string;
  scheduledFor: string;
  sentAt: string | null;
}

export interface BatchDetail extends BatchSummary {
  createdAt: string;
  createdBy: string;
  startedAt: string | null;
  completedAt: string | null;
  progress: BatchProgress;
  notices: BatchNotice[];
}

export interface ReadinessUser {
  endUserId: string;
  name: string;
  email: string;
  clientName: string;
  partnerName: string;
  outcome: ReadinessOutcome;
  problems: ReadinessProblem[];
  keptRoles: string[];
  excluded: boolean;
}

export interface ReadinessReport {
  total: number;
  toMigrate: number;
  toLink: number;
  excluded: number;
  problems: number;
  users: ReadinessUser[];
}

export interface ResultRow {
  endUserId: string;
  name: string;
  email: string;
  clientName: string;
  status: ResultStatus;
  reason: string | null;
  attempts: number;
  completedAt: string | null;
}

export interface ResultPage {
  items: ResultRow[];
  page: number;
  pageSize: number;
  total: number;
}

export interface UpcomingClient {
  id: string;
  name: string;
  endUsers: number;
}

export interface UpcomingBatch {
  batchId: string;
  scheduledAt: string;
  timeZone: string;
  status: BatchStatus;
  clients: UpcomingClient[];
}

export interface CreateBatchInput {
  name: string;
  scheduledAt: string;
  timeZone: string;
  clientIds: string[];
}

export type EditBatchInput = Pick<CreateBatchInput, 'name' | 'clientIds'>;
export type RescheduleInput = Pick<CreateBatchInput, 'scheduledAt' | 'timeZone'>;

export interface ResultQuery {
  status?: ResultStatus;
  page?: number;
  pageSize?: number;
}

// ---- The operations, in the shape openapi-typescript writes ----

type Headers = { headers: Record<string, unknown> };
type Content<T> = Headers & { content: { 'application/json': T } };
type NoContent = Headers & { content?: never };
type Problem = Headers & { content: { 'application/problem+json': Record<string, unknown> } };

type Operation<Query, Path, Body, Responses> = {
  parameters: { query?: Query; header?: never; cookie?: never } & ([Path] extends [never] ? { path?: never } : { path: Path });
  responses: Responses & { 400: Problem; 403: Problem; 404: Problem; 409: Problem };
} & ([Body] extends [undefined] ? { requestBody?: never } : { requestBody: { content: { 'application/json': Body } } });

type ById = { id: string };
type ByUser = { id: string; endUserId: string };

interface MigrationMethods {
  '/api/admin/migration/upcoming': { get: Operation<never, never, undefined, { 200: Content<UpcomingBatch[]> }> };
  '/api/admin/migration/batches': {
    get: Operation<never, never, undefined, { 200: Content<BatchSummary[]> }>;
    post: Operation<never, never, CreateBatchInput, { 201: Content<{ id: string }> }>;
  };
  '/api/admin/migration/batches/{id}': {
    get: Operation<never, ById, undefined, { 200: Content<BatchDetail> }>;
    put: Operation<never, ById, EditBatchInput, { 204: NoContent }>;
  };
  '/api/admin/migration/batches/{id}/reschedule': { post: Operation<never, ById, RescheduleInput, { 204: NoContent }> };
  '/api/admin/migration/batches/{id}/cancel': { post: Operation<never, ById, undefined, { 204: NoContent }> };
  '/api/admin/migration/batches/{id}/readiness': { get: Operation<never, ById, undefined, { 200: Content<ReadinessReport> }> };
  '/api/admin/migration/batches/{id}/exclusions/{endUserId}': {
    put: Operation<never, ByUser, { excluded: boolean }, { 204: NoContent }>;
  };
  '/api/admin/migration/batches/{id}/results': { get: Operation<ResultQuery, ById, undefined, { 200: Content<ResultPage> }> };
  '/api/admin/migration/batches/{id}/run': { post: Operation<never, ById, undefined, { 202: NoContent }> };
  '/api/admin/migration/batches/{id}/results/{endUserId}/retry': { post: Operation<never, ByUser, undefined, { 202: NoContent }> };
  '/api/admin/migration/batches/{id}/results/{endUserId}/rollback': {
    post: Operation<never, ByUser, undefined, { 204: NoContent }>;
  };
  '/api/admin/migration/batches/{id}/rollback': { post: Operation<never, ById, undefined, { 204: NoContent }> };
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

/** The generated paths, with the migration methods added (to a generated path, or a new one). */
export type MigrationPaths = Omit<paths, keyof MigrationMethods> & {
  [Path in keyof MigrationMethods]: (Path extends keyof paths
    ? Omit<paths[Path], keyof MigrationMethods[Path]>
    : Omit<EmptyPathItem, keyof MigrationMethods[Path]>) &
    MigrationMethods[Path];
};
