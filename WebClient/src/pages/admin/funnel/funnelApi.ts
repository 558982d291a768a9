import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { downloadFile } from '../../../api/download';
import { unwrap } from '../adminApi';
import { funnelRefreshMs, runningRefreshMs } from './funnelFormat';
import type { FunnelReport, FunnelScope, FunnelStep } from './funnelTypes';

export const funnelKeys = {
  all: ['admin', 'migration', 'funnel'] as const,
  list: (page: number) => ['admin', 'migration', 'funnel', 'list', page] as const,
  one: (scope: FunnelScope) => ['admin', 'migration', 'funnel', 'one', scope] as const,
  days: (scope: FunnelScope) => ['admin', 'migration', 'funnel', 'days', scope] as const,
  people: (scope: FunnelScope, step: FunnelStep, page: number) => ['admin', 'migration', 'funnel', 'people', scope, step, page] as const,
  timeline: (page: number) => ['admin', 'migration', 'timeline', page] as const,
};

/** A few funnels per page of the admin home. */
export const funnelsPageSize = 5;

/** The admin home: the funnels of the caller's batches, looked at again while any of them moves. */
export const funnelsQuery = (page: number) =>
  queryOptions({
    queryKey: funnelKeys.list(page),
    queryFn: () => unwrap(api.GET('/api/admin/migration/funnels', { params: { query: { page, pageSize: funnelsPageSize } } })),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => fastest(query.state.data?.items.map((item) => item.funnel)),
  });

/** One funnel (a batch's, a client's), looked at again while it moves. */
export const funnelQuery = (scope: FunnelScope) =>
  queryOptions({
    queryKey: funnelKeys.one(scope),
    queryFn: () => unwrap(api.GET('/api/admin/migration/funnel', { params: { query: scope } })),
    refetchInterval: (query) => funnelRefreshMs(query.state.data),
  });

/** The chart's days: as often as the funnel they belong to. */
export const funnelDaysQuery = (scope: FunnelScope, report: FunnelReport) =>
  queryOptions({
    queryKey: funnelKeys.days(scope),
    queryFn: () => unwrap(api.GET('/api/admin/migration/funnel/days', { params: { query: scope } })),
    refetchInterval: funnelRefreshMs(report),
  });

/** The drill-down: one page of the people at a step. */
export const funnelPeopleQuery = (scope: FunnelScope, step: FunnelStep, page: number) =>
  queryOptions({
    queryKey: funnelKeys.people(scope, step, page),
    queryFn: () => unwrap(api.GET('/api/admin/migration/funnel/people', { params: { query: { ...scope, step, page } } })),
    placeholderData: keepPreviousData,
  });

export const exportFunnelPeople = (scope: FunnelScope, step: FunnelStep) =>
  downloadFile(
    () => api.GET('/api/admin/migration/funnel/people/export.csv', { params: { query: { ...scope, step } }, parseAs: 'blob' }),
    `migration-funnel-${step}.csv`,
  );

/** Operators: every batch on the timeline, looked at again while one runs or waits for a runner. */
export const timelineQuery = (page: number) =>
  queryOptions({
    queryKey: funnelKeys.timeline(page),
    queryFn: () => unwrap(api.GET('/api/admin/migration/batches/timeline', { params: { query: { page } } })),
    placeholderData: keepPreviousData,
    refetchInterval: (query) =>
      query.state.data?.items.some((batch) => batch.phase === 'running' || batch.phase === 'paused') ? runningRefreshMs : false,
  });

/** The shortest refresh any of these funnels asks for. */
function fastest(reports: FunnelReport[] | undefined): number | false {
  const intervals = (reports ?? []).map((report) => funnelRefreshMs(report)).filter((ms): ms is number => ms !== false);
  return intervals.length === 0 ? false : Math.min(...intervals);
}
