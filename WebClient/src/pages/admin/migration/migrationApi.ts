import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { adminKeys, unwrap } from '../adminApi';
import { isInMotion } from './migrationFormat';
import type { CreateBatchInput, EditBatchInput, RescheduleInput, ResultQuery } from './migrationTypes';

export const migrationKeys = {
  all: ['admin', 'migration'] as const,
  upcoming: ['admin', 'migration', 'upcoming'] as const,
  reminders: ['admin', 'migration', 'reminders'] as const,
  batches: ['admin', 'migration', 'batches'] as const,
  batch: (id: string) => ['admin', 'migration', 'batches', id] as const,
  readiness: (id: string) => ['admin', 'migration', 'batches', id, 'readiness'] as const,
  results: (id: string, query: ResultQuery, status: string) => ['admin', 'migration', 'batches', id, 'results', query, status] as const,
};

const byId = (id: string) => ({ params: { path: { id } } });
const byUser = (id: string, endUserId: string) => ({ params: { path: { id, endUserId } } });

/** While a batch runs, its list and its results look again this often. */
const runningRefreshMs = 5_000;
/** While a batch runs, its page asks for its progress this often. */
const progressRefreshMs = 1_000;

/** Every batch, looked at again while one of them is moving. */
export const batchesQuery = () =>
  queryOptions({
    queryKey: migrationKeys.batches,
    queryFn: () => unwrap(api.GET('/api/admin/migration/batches')),
    refetchInterval: (query) => (query.state.data?.some((batch) => isInMotion(batch)) ? runningRefreshMs : false),
  });

/** One batch, looked at again while it moves. */
export const batchQuery = (id: string) =>
  queryOptions({
    queryKey: migrationKeys.batch(id),
    queryFn: () => unwrap(api.GET('/api/admin/migration/batches/{id}', byId(id))),
    refetchInterval: (query) => (query.state.data && isInMotion(query.state.data) ? progressRefreshMs : false),
  });

/** The dry run: it reads every user of the batch's clients, so it runs only when asked (`enabled`). */
export const readinessQuery = (id: string, enabled: boolean) =>
  queryOptions({
    queryKey: migrationKeys.readiness(id),
    queryFn: () => unwrap(api.GET('/api/admin/migration/batches/{id}/readiness', byId(id))),
    enabled,
  });

/**
 * One page of a batch's results; while the batch moves they are looked at again, and once more when its
 * status changes (a run that ends between two looks still shows every user's result).
 */
export const resultsQuery = (id: string, query: ResultQuery, batch: { status: string; scheduledAt: string }) =>
  queryOptions({
    queryKey: migrationKeys.results(id, query, batch.status),
    queryFn: () => unwrap(api.GET('/api/admin/migration/batches/{id}/results', { params: { path: { id }, query } })),
    placeholderData: keepPreviousData,
    refetchInterval: isInMotion(batch) ? runningRefreshMs : false,
  });

/** Partner staff's banner: their clients' planned moves. */
export const upcomingQuery = () =>
  queryOptions({ queryKey: migrationKeys.upcoming, queryFn: () => unwrap(api.GET('/api/admin/migration/upcoming')), staleTime: 60_000 });

/** After any change to a batch, its page, the list, the banner, the clients' counts and the audit log are asked for again. */
function useInvalidateMigration() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: migrationKeys.all }),
      queryClient.invalidateQueries({ queryKey: adminKeys.clients }),
      queryClient.invalidateQueries({ queryKey: adminKeys.endUsers }),
      queryClient.invalidateQueries({ queryKey: adminKeys.audit }),
    ]);
}

export function useCreateBatch() {
  const invalidate = useInvalidateMigration();
  return useMutation({
    mutationFn: (input: CreateBatchInput) => unwrap(api.POST('/api/admin/migration/batches', { body: input })),
    onSuccess: invalidate,
  });
}

export function useEditBatch(id: string) {
  const invalidate = useInvalidateMigration();
  return useMutation({
    mutationFn: (input: EditBatchInput) => unwrap(api.PUT('/api/admin/migration/batches/{id}', { ...byId(id), body: input })),
    onSettled: invalidate,
  });
}

/** Reschedule; `confirmShortNotice` once the operator has agreed that an earlier date breaks the notice partners were given. */
export function useReschedule(id: string) {
  const invalidate = useInvalidateMigration();
  return useMutation({
    mutationFn: (input: RescheduleInput & { confirmShortNotice?: boolean }) =>
      unwrap(api.POST('/api/admin/migration/batches/{id}/reschedule', { ...byId(id), body: input })),
    onSettled: invalidate,
  });
}

/** Run now (or on, after a pause); `confirm` once the operator has agreed to break the notice partners were given. */
export function useRunNow(id: string) {
  const invalidate = useInvalidateMigration();
  return useMutation({
    mutationFn: (confirm: boolean) =>
      unwrap(api.POST('/api/admin/migration/batches/{id}/run', { ...byId(id), body: { confirmShortNotice: confirm } })),
    onSettled: invalidate,
  });
}

export type BatchAction = 'cancel' | 'pause' | 'rollback';

const batchCalls: Record<BatchAction, (id: string) => Promise<unknown>> = {
  cancel: (id) => unwrap(api.POST('/api/admin/migration/batches/{id}/cancel', byId(id))),
  pause: (id) => unwrap(api.POST('/api/admin/migration/batches/{id}/pause', byId(id))),
  rollback: (id) => unwrap(api.POST('/api/admin/migration/batches/{id}/rollback', byId(id))),
};

/** Cancel, Pause, Roll back batch. */
export function useBatchAction(id: string) {
  const invalidate = useInvalidateMigration();
  return useMutation({ mutationFn: (action: BatchAction) => batchCalls[action](id), onSettled: invalidate });
}

export function useExclusion(id: string) {
  const invalidate = useInvalidateMigration();
  return useMutation({
    mutationFn: ({ endUserId, excluded }: { endUserId: string; excluded: boolean }) =>
      unwrap(
        api.PUT('/api/admin/migration/batches/{id}/exclusions/{endUserId}', {
          ...byUser(id, endUserId),
          body: { excluded },
        }),
      ),
    onSettled: invalidate,
  });
}

export type ResultAction = 'retry' | 'rollback';

/** Retry a failed user, roll back a migrated or linked one. */
export function useResultAction(id: string) {
  const invalidate = useInvalidateMigration();
  return useMutation({
    mutationFn: ({ action, endUserId }: { action: ResultAction; endUserId: string }) =>
      action === 'retry'
        ? unwrap(api.POST('/api/admin/migration/batches/{id}/results/{endUserId}/retry', byUser(id, endUserId)))
        : unwrap(api.POST('/api/admin/migration/batches/{id}/results/{endUserId}/rollback', byUser(id, endUserId))),
    onSettled: invalidate,
  });
}

/** When reminders and digests go, and whether Run reminders now is there (Development). */
export const reminderSettingsQuery = () =>
  queryOptions({ queryKey: migrationKeys.reminders, queryFn: () => unwrap(api.GET('/api/admin/migration/reminders')), staleTime: Infinity });

/** Run reminders now: answers how many reminders and digests went out. */
export function useRunReminders() {
  const invalidate = useInvalidateMigration();
  return useMutation({ mutationFn: () => unwrap(api.POST('/api/admin/migration/reminders/run')), onSettled: invalidate });
}
