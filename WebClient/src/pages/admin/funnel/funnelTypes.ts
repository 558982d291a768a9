import type { components, operations } from '../../../api/schema';

type Schemas = components['schemas'];

/* The funnel's wire types: aliases of the schema generated from the Api's OpenAPI document. */

export type FunnelStep = 'moved' | 'activated' | 'enrolled' | 'signed-in' | 'returned';
export type FunnelReport = Schemas['FunnelReport'];
export type FunnelStepCount = Schemas['FunnelStepCount'];
export type BatchFunnel = Schemas['BatchFunnel'];
export type FunnelPerson = Schemas['FunnelPersonRow'];
export type FunnelDay = Schemas['FunnelDay'];
export type FunnelDays = Schemas['FunnelDays'];
export type TimelineBatch = Schemas['TimelineBatch'];

/** Whose funnel: a batch's, a client's, or both (the query of every funnel call). */
export type FunnelScope = Pick<NonNullable<operations['GetMigrationFunnel']['parameters']['query']>, 'batchId' | 'clientId'>;
