import type { components, operations } from '../../../api/schema';

type Schemas = components['schemas'];

/*
 * The migration console's wire types: aliases of the schema generated from the Api's OpenAPI
 * document (src/api/schema.d.ts), so a change on the Api shows up here as a type error. The Api
 * spells its states as plain strings; the unions below are the contract's words for them, used to
 * say them for people.
 */

export type BatchStatus = 'scheduled' | 'running' | 'paused' | 'completed' | 'cancelled' | 'rolled-back';
export type ResultStatus = 'pending' | 'excluded' | 'migrated' | 'linked' | 'skipped' | 'failed' | 'rolled-back';
export type ReadinessOutcome = 'migrate' | 'link' | 'awaiting-owner' | 'skip' | 'excluded';
export type ReadinessProblem = 'no-usable-email' | 'duplicate-email' | 'disabled' | 'deleted' | 'locked' | 'already-migrated';

export type BatchClient = Schemas['BatchClient'];
export type BatchCounts = Schemas['BatchCounts'];
export type BatchSummary = Schemas['BatchSummary'];
export type BatchProgress = Schemas['BatchProgress'];
export type BatchNotice = Schemas['BatchNoticeSent'];

/** GET /api/admin/migration/batches/{id}: the summary's fields, then the run's progress and notices. */
export type BatchDetail = Schemas['BatchDetail'];

export type ReadinessUser = Schemas['ReadinessUser'];
export type ReadinessReport = Schemas['ReadinessReport'];
export type ResultRow = Schemas['BatchResultRow'];
export type ResultPage = Schemas['PageOfBatchResultRow'];
export type UpcomingClient = Schemas['UpcomingClient'];
export type UpcomingBatch = Schemas['UpcomingBatch'];

type NonNullFields<T> = { [Key in keyof T]: NonNullable<T[Key]> };

/** The bodies of Create batch, Edit and Reschedule. */
export type CreateBatchInput = NonNullFields<Schemas['CreateBatchRequest']>;
export type EditBatchInput = NonNullFields<Schemas['EditBatchRequest']>;
export type RescheduleInput = NonNullFields<Schemas['RescheduleBatchRequest']>;

/** Query of GET /api/admin/migration/batches/{id}/results. */
export type ResultQuery = NonNullable<operations['ListMigrationResults']['parameters']['query']>;
